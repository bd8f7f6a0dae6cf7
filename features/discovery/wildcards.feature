@discovery
Feature: Subject wildcards route exactly
  "*" matches exactly one token, ">" one or more tokens at the end (NATS docs: "Subject-Based
  Messaging"; nats-server sublist_test.go).

  Background:
    Given a "cluster-3" mesh

  Scenario Outline: "<pattern>" receives <expected> of 5 messages sent to "<subject>"
    Given a subscriber "sub" on node 2 listening to "<pattern>"
    When a publisher on node 1 sends 5 messages to "<subject>"
    Then "sub" receives exactly <expected> messages

    Examples:
      | pattern        | subject               | expected |
      | app.*.save     | app.rooms.save        | 5        |
      | app.*.save     | app.rooms.east.save   | 0        |
      | app.*          | app.rooms.save        | 0        |
      | app.>          | app.rooms.east.save   | 5        |
      | app.>          | app                   | 0        |
      | *.rooms.*      | app.rooms.save        | 5        |
      | app.rooms.save | app.rooms.saved       | 0        |
