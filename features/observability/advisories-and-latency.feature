@observability @accounts
Feature: The mesh reports on itself: client advisories and service latency
  Operators watch a mesh through what the servers publish about it. The system account receives an
  advisory when a client of any account connects and when it disconnects
  ($SYS.ACCOUNT.<account>.CONNECT and .DISCONNECT), and an exported service with latency tracking
  has every sampled request measured and published on its latency subject in the exporting account
  (nats-server: system events, service latency tracking; 100% sampling here).

  Background:
    Given a "cluster-3-observability" mesh

  Scenario: The system account sees a client connect and disconnect
    Given a subscriber "advisories" of account "SYS" on node 1 listening to "$SYS.ACCOUNT.APP.>"
    When a client "visitor" of account "APP" joins node 3 and leaves
    Then "advisories" sees "visitor" of account "APP" connect and disconnect

  Scenario: Every request to a tracked export is measured, across routes, and only those
    Given a subscriber "metrics" of account "SVC" on node 1 listening to "latency.>"
    And a service "quotes" of account "SVC" answering "svc.quotes.get" in queue group "quotes" with 1 member on node 2
    And a service "prices" of account "SVC" answering "svc.prices.get" in queue group "prices" with 1 member on node 2
    When a client of account "APP" on node 3 sends 5 requests to "svc.prices.get"
    Then every request succeeds
    When a client of account "APP" on node 3 sends 10 requests to "svc.quotes.get"
    Then every request succeeds
    And "metrics" receives 10 service latency measurements
