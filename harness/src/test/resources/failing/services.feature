# EXPECTED TO FAIL (see pubsub.feature).
Feature: Service and request checks fail on a wrong expectation

  Background:
    Given a "cluster-3" mesh

  Scenario: every request succeeds: nobody answers
    When a client on node 1 sends 3 requests to "svc.nobody"
    Then every request succeeds

  Scenario: at most a share fails: nobody answers
    When a client on node 1 sends 3 requests to "svc.nobody"
    Then at most 1% of requests fail

  Scenario: at most a number fails: nobody answers
    When a client on node 1 sends 3 requests to "svc.nobody"
    Then at most 1 request fails

  Scenario: fails fast with no responders: a service answers
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 1 member on node 2
    When a client on node 1 sends 3 requests to "svc.orders.create"
    Then the requests fail fast with "no responders"

  Scenario: every member receives a share: three members cannot each get half
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 3 members spread over the nodes
    When a client on node 1 sends 60 requests to "svc.orders.create"
    Then every member of "workers" receives between 45% and 55% of the requests

  Scenario: answered by a share: one service answers all
    Given a service "pricing-v1" answering "svc.pricing" in queue group "pricing" with 1 member on node 2
    When a client on node 1 sends 20 requests to "svc.pricing"
    Then 10% of the requests are answered by "pricing-v1" within 4 points

  Scenario: instances answer: one more than runs
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 2 members spread over the nodes
    When "orders" instances are discovered from node 3
    Then 3 instances of "orders" answer

  Scenario: instances describe the endpoint: another queue group
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 2 members spread over the nodes
    Then every instance of "orders" describes the endpoint "svc.orders.>" in queue group "others"

  Scenario: instances describe the endpoint: another subject
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 2 members spread over the nodes
    Then every instance of "orders" describes the endpoint "svc.billing.>" in queue group "workers"

  Scenario: stats count requests: one more than were sent
    Given a service "orders" answering "svc.orders.>" in queue group "workers" with 2 members spread over the nodes
    When a client on node 1 sends 4 requests to "svc.orders.create"
    Then the stats of "orders" count 5 requests

  Scenario: node has interest: nobody subscribed there
    Given a subscriber "elsewhere" on node 1 listening to "interest.x"
    Then node 3 has interest in "interest.x"

  Scenario: all clients are reconnected: no client lost its connection
    Given a subscriber "steady" on node 1 listening to "steady.>"
    Then within 2 seconds all clients are reconnected

  Scenario: told of lame-duck mode: the node never went into it
    Given a subscriber "steady" on node 1 listening to "steady.>"
    Then every client that was on node 1 was told it went into lame-duck mode
