# EXPECTED TO FAIL (see pubsub.feature): a queue group whose members sit in two clusters is not
# shared evenly: a cluster's own members answer its clients while it has any (geo-affinity).
Feature: The even-share test fails when members get unequal shares

  Scenario: share evenly: members in another cluster get nothing
    Given a "supercluster-2x3" mesh
    And a service "orders" answering "svc.orders.>" in queue group "workers" with 6 members spread over the nodes
    When a client on node 1 sends 60 requests to "svc.orders.create"
    Then the members of "workers" share the requests evenly, chi-square p-value at least 0.001
