# EXPECTED TO FAIL (see pubsub.feature): the only member of the queue group is in the other
# cluster, so the requests cross the gateway and are answered there.
Feature: The cluster check fails when another cluster answers

  Scenario: answered in a cluster: the members are in the other cluster
    Given a "supercluster-2x3" mesh
    And a service "orders" answering "svc.orders.>" in queue group "workers" with 1 member in cluster "west"
    When a client on node 1 sends 5 requests to "svc.orders.create"
    Then all requests are answered in cluster "east"
