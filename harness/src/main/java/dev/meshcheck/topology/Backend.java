package dev.meshcheck.topology;

import dev.meshcheck.scenario.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a mesh is brought up. */
public enum Backend {
  /** Containers where Docker answers and the image is present, else processes, else an error. */
  AUTO,
  /** One Testcontainers container per node on a private network. */
  CONTAINERS,
  /** Local nats-server processes on 127.0.0.1. */
  PROCESSES,
  /** A mesh that already runs, given by URLs; no lifecycle, no faults. */
  EXTERNAL;

  /** The name used on the command line and in reports. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the value of {@code --backend} (or of {@code -Dmeshcheck.backend}).
   *
   * @throws BadInputException listing the valid values
   */
  public static Backend parse(String value) {
    for (Backend backend : values()) {
      if (backend.cliName().equalsIgnoreCase(value.trim())) {
        return backend;
      }
    }
    throw BadInputException.option(
        "--backend",
        "unknown backend '"
            + value
            + "'; valid: "
            + Arrays.stream(values()).map(Backend::cliName).collect(Collectors.joining(", ")));
  }
}
