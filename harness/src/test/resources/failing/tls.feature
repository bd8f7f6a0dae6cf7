# EXPECTED TO FAIL (see pubsub.feature): the TLS checks against a mesh without TLS.
Feature: TLS checks fail on a mesh that does not use TLS

  Background:
    Given a "cluster-3" mesh

  Scenario: refuses a plaintext client: the mesh speaks plaintext
    Then node 1 refuses a plaintext client

  Scenario: route and gateway ports speak TLS only: the routes are plaintext
    Then the route and gateway ports of node 1 speak TLS only

  Scenario: a client that does not trust the CA cannot connect: nothing is verified
    Then a client that does not trust the mesh's CA cannot connect to node 2
