package dev.meshcheck.report;

import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import java.net.URI;

/** Turns Cucumber's events into the report's words: area, feature path, reason. Stateless. */
final class ConformanceOutcomes {
  private ConformanceOutcomes() {}

  /** The folder under {@code features/} ({@code discovery}), else the feature's parent folder. */
  static String area(URI featureUri) {
    String path = featurePath(featureUri);
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 2; i++) {
      if (parts[i].equals("features")) {
        return parts[i + 1];
      }
    }
    return parts.length >= 2 ? parts[parts.length - 2] : "features";
  }

  /** The feature's path from {@code features/} on when it has one, else as given. */
  static String featurePath(URI featureUri) {
    String path =
        featureUri.getPath() != null ? featureUri.getPath() : featureUri.getSchemeSpecificPart();
    int at = path.lastIndexOf("features/");
    return at >= 0 ? path.substring(at) : path;
  }

  /** The first line of why a scenario failed or was skipped; empty when it passed. */
  static String reason(Result result) {
    if (result.getStatus() == Status.PASSED) {
      return "";
    }
    if (result.getError() == null) {
      return result.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    }
    String message = String.valueOf(result.getError().getMessage());
    String firstLines = message.lines().limit(3).reduce((a, b) -> a + " " + b).orElse("");
    return firstLines.strip();
  }
}
