# EXPECTED TO FAIL: every scenario here asks for what a healthy mesh does not do, and must fail
# with the reason ThenStepFailures names. Run by ThenStepsFailIT, never by the conformance suite.
Feature: Publish/subscribe checks fail on a wrong expectation

  Background:
    Given a "cluster-3" mesh
    And a subscriber "sub" on node 2 listening to "fail.>"

  Scenario: receives exactly: one more than was sent
    When a publisher on node 1 sends 5 messages to "fail.x"
    Then "sub" receives exactly 6 messages

  Scenario: receives exactly: one less than was sent
    When a publisher on node 1 sends 5 messages to "fail.x"
    Then "sub" receives exactly 4 messages

  Scenario: receives exactly in order: a connection subscribed twice gets duplicates
    Given a subscriber "twice" on node 2 listening to the subjects "dup.> dup.*"
    When a publisher on node 1 sends 5 messages to "dup.x"
    Then "twice" receives exactly 10 messages in order

  Scenario: receives no messages: it does receive
    When a publisher on node 1 sends 5 messages to "fail.x"
    Then "sub" receives no messages

  Scenario: receives on a subject: another count
    When a publisher on node 1 sends 5 messages to "fail.x"
    Then "sub" receives 3 messages on "fail.x"

  Scenario: together receive exactly: two plain subscribers are no queue group
    Given a subscriber "other" on node 3 listening to "fail.>"
    When a publisher on node 1 sends 5 messages to "fail.x"
    Then "sub" and "other" together receive exactly 5 messages
