@accounts
Feature: The shop's accounts let partners order and nobody else
  A walkthrough of testing one's own server config (README: "Test your own server config").

  Background:
    Given a "shop-mesh" mesh
    And account "SHOP" signs in as "shop-service" with password "s3rvice"
    And account "PARTNER" signs in as "partner-app" with password "p4rtner"
    And account "PUBLIC" signs in as "anyone" with password "any"
    And a service "orders" of account "SHOP" answering "orders.>" in queue group "orders" with 2 members on node 1

  Scenario: A partner places orders under its own subject, across nodes
    When a client of account "PARTNER" on node 3 sends 10 requests to "shop.orders.create"
    Then every request succeeds

  Scenario: The public cannot reach the shop's service
    When a client of account "PUBLIC" on node 2 sends 3 requests to "orders.create"
    Then the requests fail fast with "no responders"
