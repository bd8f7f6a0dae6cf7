@discovery
Feature: Services are found by subject: micro-service discovery and no responders
  A client needs no address: it sends to a subject and whichever instance listens answers. NATS
  micro services also answer $SRV.PING/INFO/STATS, so every instance can be listed, described and
  counted.

  Background:
    Given a "cluster-3" mesh

  Scenario: $SRV.PING finds every instance, wherever in the cluster it runs
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    When "orders" instances are discovered from node 2
    Then 3 instances of "orders" answer

  Scenario: $SRV.INFO of every instance names the service's endpoint and queue group
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    Then every instance of "orders" describes the endpoint "svc.orders.>" in queue group "workers"

  Scenario: $SRV.STATS of all instances together count every request the service answered
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    When a client on node 3 sends 30 requests to "svc.orders.create"
    Then every request succeeds
    And the stats of "orders" count 30 requests

  Scenario: A request nobody listens to fails fast with no responders instead of timing out
    When a client on node 1 sends 3 requests to "svc.nobody.home"
    Then the requests fail fast with "no responders"

  Scenario: A service that has left is no responder any more
    Given a service "rooms" answering "svc.rooms.>" in queue group "rooms" with 1 member on node 2
    When a client on node 1 sends 5 requests to "svc.rooms.list"
    Then every request succeeds
    When 1 member of "rooms" leaves
    And a client on node 1 sends 3 requests to "svc.rooms.list"
    Then the requests fail fast with "no responders"
