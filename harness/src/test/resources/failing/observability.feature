# EXPECTED TO FAIL (see pubsub.feature): advisory and latency checks against wrong expectations
# and a mesh that tracks nothing.
Feature: Observability checks fail on a wrong expectation or a mesh without tracking

  Scenario: sees connect and disconnect: the client is of another account
    Given a "cluster-3-observability" mesh
    And a subscriber "advisories" of account "SYS" on node 1 listening to "$SYS.ACCOUNT.>"
    When a client "visitor" of account "APP" joins node 2 and leaves
    Then "advisories" sees "visitor" of account "SVC" connect and disconnect

  Scenario: sees connect and disconnect: the client never leaves
    Given a "cluster-3-observability" mesh
    And a subscriber "advisories" of account "SYS" on node 1 listening to "$SYS.ACCOUNT.>"
    And a subscriber "stays" of account "APP" on node 2 listening to "x.>"
    Then "advisories" sees "subscriber-stays" of account "APP" connect and disconnect

  Scenario: receives latency measurements: the export does not track latency
    Given a "cluster-3-observability" mesh
    And a subscriber "metrics" of account "SVC" on node 1 listening to "latency.>"
    And a service "prices" of account "SVC" answering "svc.prices.get" in queue group "prices" with 1 member on node 2
    When a client of account "APP" on node 3 sends 5 requests to "svc.prices.get"
    Then "metrics" receives 5 service latency measurements

  Scenario: receives latency measurements: one more than were requested
    Given a "cluster-3-observability" mesh
    And a subscriber "metrics" of account "SVC" on node 1 listening to "latency.>"
    And a service "quotes" of account "SVC" answering "svc.quotes.get" in queue group "quotes" with 1 member on node 2
    When a client of account "APP" on node 3 sends 4 requests to "svc.quotes.get"
    Then "metrics" receives 5 service latency measurements
