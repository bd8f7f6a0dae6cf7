@routing
Feature: Subject mappings route traffic by weight and rename subjects on import
  Weighted mappings split a subject's traffic between destinations (NATS docs: "Subject Mapping and
  Partitioning", weighted mappings for canary releases); a service import may be renamed with "to".

  Scenario: A canary mapping sends about 10% of requests to v2 and 90% to v1
    # 600 requests, p = 0.10: binomial sd = 1.2 points, so 4 points is more than 3 sd.
    Given a "cluster-3-canary" mesh
    And a service "pricing-v1" answering "svc.pricing.v1" in queue group "pricing-v1" with 2 members spread over the nodes
    And a service "pricing-v2" answering "svc.pricing.v2" in queue group "pricing-v2" with 1 member on node 3
    When a client on node 1 sends 600 requests to "svc.pricing"
    Then every request succeeds
    And 10% of the requests are answered by "pricing-v2" within 4 points
    And 90% of the requests are answered by "pricing-v1" within 4 points

  @accounts
  Scenario: An imported service is reached under the importer's own subject
    Given a "cluster-3-accounts" mesh
    And a service "orders" of account "A" answering "orders.create" in queue group "orders" with 1 member on node 2
    When a client of account "B" on node 1 sends 10 requests to "shop.order"
    Then every request succeeds
    When a client of account "B" on node 1 sends 2 requests to "orders.create"
    Then the requests fail fast with "no responders"
