@security @accounts
Feature: Permissions deny what a user may not publish or subscribe to
  A denied publish or subscribe is reported to the client as a permissions violation and nothing
  is delivered (NATS docs: "Authorization"; nats-server auth tests).

  Background:
    Given a "cluster-3-accounts" mesh

  Scenario: A denied subscription is reported and receives nothing
    Given a subscriber "snoop" of account "D" on node 2 listening to "forbidden.>"
    When a publisher of account "Dobs" on node 1 sends 5 messages to "forbidden.plans"
    Then "snoop" is denied subscribing to "forbidden.>"
    And "snoop" receives no messages

  Scenario: A denied publish is reported and delivers nothing
    Given a subscriber "watch" of account "Dobs" on node 3 listening to "forbidden.>"
    When a publisher of account "D" on node 1 sends 5 messages to "forbidden.news"
    Then clients of account "D" are denied publishing to "forbidden.news"
    And "watch" receives no messages

  Scenario: What is allowed still flows for the restricted user
    Given a subscriber "allowed-sub" of account "D" on node 2 listening to "allowed.>"
    When a publisher of account "D" on node 1 sends 8 messages to "allowed.news"
    Then "allowed-sub" receives exactly 8 messages in order

  Scenario: allow_responses lets a responder answer requests but publish nothing else
    Given a service "echo" of account "E" answering "svc.e.echo" in queue group "echo" with 1 member on node 1
    When a client of account "Eobs" on node 2 sends 5 requests to "svc.e.echo"
    Then every request succeeds
    Given a subscriber "e-watch" of account "Eobs" on node 3 listening to "leak.>"
    When a publisher of account "E" on node 1 sends 3 messages to "leak.data"
    Then clients of account "E" are denied publishing to "leak.data"
    And "e-watch" receives no messages
