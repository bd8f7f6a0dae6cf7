# EXPECTED TO FAIL (see pubsub.feature).
Feature: Permission checks fail when the server allows what they expect denied

  Background:
    Given a "cluster-3-accounts" mesh

  Scenario: denied subscribing: the subscription is allowed
    Given a subscriber "allowed" of account "D" on node 2 listening to "allowed.>"
    Then "allowed" is denied subscribing to "allowed.>"

  Scenario: denied publishing: the publish is allowed
    Given a subscriber "watch" of account "Dobs" on node 3 listening to "allowed.>"
    When a publisher of account "D" on node 1 sends 2 messages to "allowed.news"
    Then clients of account "D" are denied publishing to "allowed.news"
