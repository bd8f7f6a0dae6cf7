@security @tls
Feature: Every link of a TLS mesh is encrypted and verified
  A mesh that carries TLS on its client, route and gateway links must refuse what does not speak
  it, and present certificates a client can verify against the mesh's own CA. The harness makes a
  CA and server certificates for each run; clients of the scenario trust that CA alone.

  Background:
    Given a "supercluster-2x3-tls" mesh

  @gateways
  Scenario: Messages cross routes and gateways between clients that verified the servers
    Given a subscriber "audit" on node 6 listening to "app.>"
    When a publisher on node 1 sends 20 messages to "app.rooms.booked"
    Then "audit" receives exactly 20 messages in order

  Scenario: A plaintext client is refused
    Then node 1 refuses a plaintext client
    And node 5 refuses a plaintext client

  @gateways
  Scenario: Routes and gateways accept TLS only
    Then the route and gateway ports of node 1 speak TLS only
    And the route and gateway ports of node 4 speak TLS only

  Scenario: A client that does not trust the mesh's CA is refused on the certificate
    Then a client that does not trust the mesh's CA cannot connect to node 2
