@balancing
Feature: Queue groups balance load: one copy per group, fair spread, rebalancing without loss
  A message goes to every plain subscriber and to exactly one member of each queue group (NATS
  docs: "Queue Groups"); members are chosen at random, so within a cluster the spread is fair.

  Background:
    Given a "cluster-3" mesh

  Scenario: One copy per queue group plus one per plain subscriber
    Given a subscriber "worker-1" on node 1 listening to "jobs.new" in queue group "workers"
    And a subscriber "worker-2" on node 2 listening to "jobs.new" in queue group "workers"
    And a subscriber "auditor-1" on node 2 listening to "jobs.new" in queue group "auditors"
    And a subscriber "auditor-2" on node 3 listening to "jobs.new" in queue group "auditors"
    And a subscriber "monitor" on node 3 listening to "jobs.>"
    When a publisher on node 1 sends 200 messages to "jobs.new"
    Then "worker-1" and "worker-2" together receive exactly 200 messages
    And "auditor-1" and "auditor-2" together receive exactly 200 messages
    And "monitor" receives exactly 200 messages in order

  Scenario: Requests spread fairly over members on every node of the cluster
    # 600 requests over 3 members: binomial sd = 1.9 points around 33.3%; 25%..42% is over 4 sd.
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    When a client on node 1 sends 600 requests to "svc.orders.create"
    Then every request succeeds
    And every member of "workers" receives between 25% and 42% of the requests
    # A fair mesh fails this with probability 0.001: the suite's few such checks stay quiet.
    And the members of "workers" share the requests evenly, chi-square p-value at least 0.001

  Scenario: Members that leave are drained and the rest take over with nothing lost
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    When a client on node 2 sends 60 requests to "svc.orders.create"
    Then every request succeeds
    When 2 members of "workers" leave
    And a client on node 2 sends 60 requests to "svc.orders.create"
    Then every request succeeds

  Scenario: A member that joins gets its share
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 1 member on node 1
    When a client on node 3 sends 30 requests to "svc.orders.create"
    Then every request succeeds
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 1 member on node 3
    When a client on node 2 sends 400 requests to "svc.orders.create"
    Then every request succeeds
    # 400 requests over 2 members: sd = 2.5 points around 50%; 38%..62% is over 4 sd.
    And every member of "workers" receives between 38% and 62% of the requests
