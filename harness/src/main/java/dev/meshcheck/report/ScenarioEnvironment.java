package dev.meshcheck.report;

/**
 * Where one conformance scenario ran: the topology, the backend and the server version, as the glue
 * hands them to the report once the scenario has its mesh.
 */
public record ScenarioEnvironment(String topology, String backend, String serverVersion) {
  public ScenarioEnvironment {
    topology = requireNonBlank("topology", topology);
    backend = requireNonBlank("backend", backend);
    serverVersion = serverVersion == null ? "" : serverVersion;
  }

  private static String requireNonBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
    return value;
  }
}
