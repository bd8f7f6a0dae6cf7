package dev.meshcheck.scenario;

import java.util.Arrays;

/** Which client implementation a workload's connections use. */
public enum ClientKind {
  /**
   * The NATS Java client (jnats): TLS, reconnect, every workload kind; measures what a Java service
   * on jnats sees, including the client's own thread hand-offs.
   */
  JNATS("jnats"),
  /**
   * The default: meshcheck's own NATS core text-protocol client over a plain socket: every workload
   * kind, reconnects, no TLS; measures the mesh without the client library's per-message thread
   * hand-offs.
   */
  WIRE("wire");

  private final String fileName;

  ClientKind(String fileName) {
    this.fileName = fileName;
  }

  /** The name used in scenario files and reports. */
  public String fileName() {
    return fileName;
  }

  static String[] fileNames() {
    return Arrays.stream(values()).map(ClientKind::fileName).toArray(String[]::new);
  }

  public static ClientKind fromFileName(String name) {
    return Arrays.stream(values())
        .filter(k -> k.fileName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown client " + name));
  }
}
