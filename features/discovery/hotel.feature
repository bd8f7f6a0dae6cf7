@discovery
Feature: Hotel example: services find each other by subject, not by address
  The hotel application of "Using NATS to implement service mesh functionality": services publish
  on app.<service>.<event>; logging listens to every error, info and warning, compliance to every
  save and delete, persistence to everything under app. Nobody knows where anybody else runs.

  Background:
    Given a "cluster-3" mesh
    And a subscriber "logging" on node 1 listening to the subjects "app.*.error app.*.info app.*.warn"
    And a subscriber "compliance" on node 2 listening to the subjects "app.*.save app.*.delete"
    And a subscriber "persistence" on node 3 listening to "app.>"

  Scenario: A saved reservation reaches compliance and persistence on other nodes, not logging
    When a publisher on node 1 sends 20 messages to "app.reservations.save"
    Then "compliance" receives exactly 20 messages in order
    And "persistence" receives exactly 20 messages in order
    And "logging" receives no messages

  Scenario: An error is logged and persisted but is no compliance matter
    When a publisher on node 3 sends 5 messages to "app.billing.error"
    Then "logging" receives exactly 5 messages in order
    And "persistence" receives exactly 5 messages
    And "compliance" receives no messages

  Scenario: Mixed traffic from every node routes exactly
    When a publisher on node 2 sends 10 messages to "app.rooms.info"
    And a publisher on node 1 sends 7 messages to "app.rooms.delete"
    And a publisher on node 3 sends 4 messages to "app.rooms.booked"
    And a publisher on node 2 sends 3 messages to "app.guests.warn"
    Then "logging" receives 10 messages on "app.rooms.info"
    And "logging" receives 3 messages on "app.guests.warn"
    And "logging" receives exactly 13 messages
    And "compliance" receives exactly 7 messages in order
    And "persistence" receives exactly 24 messages in order

  Scenario: Messages outside the app hierarchy reach none of them
    When a publisher on node 1 sends 10 messages to "audit.rooms.save"
    And a publisher on node 2 sends 10 messages to "app"
    Then "persistence" receives no messages
    And "compliance" receives no messages
    And "logging" receives no messages
