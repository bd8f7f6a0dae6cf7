@link-faults
Feature: Latency added to a link shows where it was added, and nowhere else
  Latency is added to each round trip across the link (half on the way there, half on the way
  back). A request and its reply cross a route once each way: one round trip.

  Background:
    Given a "cluster-3" mesh
    And a service "far" answering "svc.far.>" in queue group "far" with 1 member on node 2
    And a service "near" answering "svc.near.>" in queue group "near" with 1 member on node 1

  Scenario: Route latency shows in cross-node requests by about the amount added, not in same-node ones
    When a client on node 1 sends 20 requests to "svc.far.get"
    Then the median request time is between 0 and 20 ms
    When the link between node 1 and node 2 gets 50 ms latency
    And a client on node 1 sends 20 requests to "svc.far.get"
    Then the median request time is between 50 and 90 ms
    When a client on node 1 sends 20 requests to "svc.near.get"
    Then the median request time is between 0 and 20 ms

  Scenario: Client-link latency shows in the requests of that node's clients only
    # The requester on node 3 crosses its own client link once each way; the member, on node 2,
    # does not cross it. A requester on node 1 goes nowhere near it.
    When clients of node 3 see 40 ms latency
    And a client on node 3 sends 20 requests to "svc.far.get"
    Then the median request time is between 40 and 80 ms
    When a client on node 1 sends 20 requests to "svc.far.get"
    Then the median request time is between 0 and 20 ms
