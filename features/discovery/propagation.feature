@discovery
Feature: Interest propagates across routes, gateways and leaf nodes; core NATS does not replay
  A subscriber anywhere in the mesh receives what is published anywhere else once its interest has
  propagated; a subscriber that joins late gets nothing sent before it subscribed (core NATS is
  at-most-once, NATS docs: "Core NATS"), while JetStream replays everything or only what is new.

  @gateways
  Scenario: A subscriber in one cluster receives what is published in the other
    Given a "supercluster-2x3" mesh
    And a subscriber "west-audit" on node 5 listening to "app.*.save"
    And a subscriber "east-audit" on node 2 listening to "app.*.save"
    When a publisher on node 1 sends 25 messages to "app.rooms.save"
    And a publisher on node 6 sends 15 messages to "app.guests.save"
    Then "west-audit" receives exactly 40 messages in order
    And "east-audit" receives exactly 40 messages in order

  @leafnodes
  Scenario: Leaf nodes and hub reach each other in both directions
    Given a "leaf-hub" mesh
    And a subscriber "on-leaf" on node 4 listening to "hub.>"
    And a subscriber "on-hub" on node 2 listening to "leaf.>"
    When a publisher on node 1 sends 10 messages to "hub.news"
    And a publisher on node 5 sends 10 messages to "leaf.news"
    Then "on-leaf" receives exactly 10 messages in order
    And "on-hub" receives exactly 10 messages in order

  Scenario: Core NATS gives a late joiner nothing from before it subscribed
    Given a "cluster-3" mesh
    And a subscriber "early" on node 3 listening to "news.>"
    When a publisher on node 1 sends 10 messages to "news.today"
    Given a subscriber "late" on node 2 listening to "news.>"
    When a publisher on node 1 sends 5 messages to "news.today"
    Then "late" receives exactly 5 messages in order
    And "early" receives exactly 15 messages

  @jetstream
  Scenario: JetStream deliver-all gives a late joiner everything, deliver-new only what follows
    Given a "cluster-3-jetstream" mesh
    And a stream "NEWS" capturing "news.>"
    When a JetStream publisher on node 1 sends 10 messages to "news.today"
    Then stream "NEWS" holds 10 messages
    Given a consumer "replay" on node 2 of stream "NEWS" delivering all
    And a consumer "tail" on node 3 of stream "NEWS" delivering new
    When a JetStream publisher on node 1 sends 4 messages to "news.today"
    Then "replay" receives exactly 14 messages in order
    And "tail" receives exactly 4 messages

  # Measured here: nats-server 2.9.10 lets such a request time out (the import itself counts as
  # interest); newer servers answer no responders (see nats-io/nats.net.v1 PR #930, "Server
  # 2.10.26 returns No Responders instead of timeouts"). Skipped with that reason on older servers.
  @accounts @min-server-2.10
  Scenario: No responders fails fast through an account import too
    Given a "cluster-3-accounts" mesh
    When a client of account "B" on node 2 sends 3 requests to "billing.charge"
    Then the requests fail fast with "no responders"

