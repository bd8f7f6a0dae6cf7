# EXPECTED TO FAIL (see pubsub.feature).
@link-faults
Feature: Request-timing checks fail on a wrong expectation or a slowed link

  Background:
    Given a "cluster-3" mesh
    And a service "orders" answering "svc.orders.>" in queue group "workers" with 1 member on node 2

  Scenario: median request time: no latency was added
    When a client on node 1 sends 10 requests to "svc.orders.get"
    Then the median request time is between 50 and 80 ms

  Scenario: answered within: the client's link is slowed
    When clients of node 1 see 60 ms latency
    And a client on node 1 sends 5 requests to "svc.orders.get"
    Then every request is answered within 20 ms

  Scenario: fail fast within: the service answers
    Then within 2 seconds a client on node 1 sees requests to "svc.orders.get" fail fast with "no responders"
