package dev.meshcheck.cli;

import dev.meshcheck.topology.Backend;
import dev.meshcheck.topology.LauncherSettings;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.MeshLaunchers;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that brings up a mesh shares. */
public final class MeshOptions {
  @Option(
      names = "--backend",
      defaultValue = "auto",
      description = "auto | containers | processes | external (default: ${DEFAULT-VALUE})")
  String backend;

  @Option(
      names = "--url",
      split = ",",
      description = "client URLs of a mesh that already runs (implies --backend external)")
  List<String> externalUrls = new ArrayList<>();

  @Option(
      names = "--monitor-url",
      split = ",",
      description = "monitoring URLs of that mesh, one per --url, in the same order")
  List<String> externalMonitorUrls = new ArrayList<>();

  /** The launcher these options ask for; {@code --url} means the external backend. */
  public MeshLauncher launcher() {
    return MeshLaunchers.forBackend(chosenBackend(), launcherSettings());
  }

  /** The backend asked for; {@code --url} means the external one. */
  Backend chosenBackend() {
    return externalUrls.isEmpty() ? Backend.parse(backend) : Backend.EXTERNAL;
  }

  /** Image and binary from the environment, plus the external mesh's URLs. */
  LauncherSettings launcherSettings() {
    return LauncherSettings.fromEnvironment().withExternalMesh(externalUrls, externalMonitorUrls);
  }
}
