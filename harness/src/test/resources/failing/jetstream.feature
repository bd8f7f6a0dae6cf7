# EXPECTED TO FAIL (see pubsub.feature).
Feature: JetStream checks fail on a wrong expectation

  Scenario: stream holds: one more than was stored
    Given a "cluster-3-jetstream" mesh
    And a stream "FAIL" capturing "fail.>"
    When a JetStream publisher on node 1 sends 3 messages to "fail.x"
    Then stream "FAIL" holds 4 messages
