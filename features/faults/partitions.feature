@link-faults
Feature: Partitions: clients move, clusters keep serving their own, nothing is delivered twice

  Scenario: A partitioned node's clients reconnect elsewhere, and the queue group gets each message once after the heal
    # Node 1 is cut off from the others; its client connections are then reset, so its clients
    # reconnect, during the partition, to a node other than the one they lost (jnats tries the
    # server it lost last). The reconnect check waits until the subscriber's interest has reached
    # every running node, node 1 included, so it comes after the heal; the time it reports runs
    # from the reset to the reconnect.
    Given a "cluster-3" mesh
    And a subscriber "w1" on node 1 listening to "jobs.>" in queue group "workers"
    And a subscriber "w2" on node 2 listening to "jobs.>" in queue group "workers"
    When node 1 is cut off from the others
    And the client connections of node 1 are reset
    And node 1 is reconnected to the others
    Then "w1" is reconnected to another node than node 1 within 10 seconds
    When a publisher on node 3 sends 300 messages to "jobs.new"
    Then "w1" and "w2" together receive exactly 300 messages

  @gateways
  Scenario: A gateway partition: each cluster serves its own requests, cross-cluster requests fail fast once it is noticed
    # The servers of this topology give up a silent gateway after about three seconds (ping every
    # second, two unanswered); until then east still sees west's interest and its requests to
    # west time out. Once given up, the request finds no responder and fails at once.
    Given a "supercluster-2x3-fast-pings" mesh
    And a service "east-orders" answering "svc.east.>" in queue group "east-workers" with 1 member on node 1
    And a service "west-orders" answering "svc.west.>" in queue group "west-workers" with 1 member on node 4
    When the gateway between cluster "east" and cluster "west" is partitioned
    And a client on node 2 sends 20 requests to "svc.east.get"
    Then every request succeeds
    When a client on node 5 sends 20 requests to "svc.west.get"
    Then every request succeeds
    And within 20 seconds a client on node 2 sees requests to "svc.west.get" fail fast with "no responders"
