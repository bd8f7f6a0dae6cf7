@security @accounts
Feature: Accounts decide who may reach whom
  Accounts are isolated subject spaces; only exports and imports connect them (NATS docs:
  "Multi Tenancy using Accounts"; nats-server accounts_test.go).

  Background:
    Given a "cluster-3-accounts" mesh

  Scenario: Accounts isolate traffic on the same subject
    Given a subscriber "a-side" of account "A" on node 2 listening to "news.>"
    And a subscriber "i-side" of account "I" on node 3 listening to "news.>"
    When a publisher of account "A" on node 1 sends 10 messages to "news.today"
    Then "a-side" receives exactly 10 messages in order
    And "i-side" receives no messages

  Scenario: An exported service answers an account that imports it, across nodes
    Given a service "billing" of account "A" answering "billing.>" in queue group "billing" with 2 members on node 1
    When a client of account "B" on node 3 sends 20 requests to "billing.charge"
    Then every request succeeds

  Scenario: An account that does not import the service gets no responders, fast
    Given a service "billing" of account "A" answering "billing.>" in queue group "billing" with 1 member on node 1
    When a client of account "I" on node 2 sends 3 requests to "billing.charge"
    Then the requests fail fast with "no responders"

  Scenario: A private export answers only the account it names
    Given a service "secret" of account "A" answering "secret.>" in queue group "secret" with 1 member on node 1
    When a client of account "C" on node 2 sends 5 requests to "secret.plans"
    Then every request succeeds
    When a client of account "B" on node 2 sends 3 requests to "secret.plans"
    Then the requests fail fast with "no responders"

  Scenario: A stream import delivers another account's events under its prefix
    Given a subscriber "b-events" of account "B" on node 3 listening to "from-a.events.>"
    And a subscriber "b-plain" of account "B" on node 3 listening to "events.>"
    When a publisher of account "A" on node 1 sends 12 messages to "events.booked"
    Then "b-events" receives 12 messages on "from-a.events.booked"
    And "b-plain" receives no messages

