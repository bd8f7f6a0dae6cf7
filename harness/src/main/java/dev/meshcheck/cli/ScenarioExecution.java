package dev.meshcheck.cli;

import dev.meshcheck.load.Clock;
import dev.meshcheck.load.LoadProgress;
import dev.meshcheck.load.LoadRun;
import dev.meshcheck.load.LoadTuning;
import dev.meshcheck.load.WorkloadResult;
import dev.meshcheck.measure.ServerStats;
import dev.meshcheck.report.RunEnvironment;
import dev.meshcheck.report.RunOutcome;
import dev.meshcheck.report.SloEvaluator;
import dev.meshcheck.scenario.LoadScenario;
import dev.meshcheck.topology.MeshLauncher;
import dev.meshcheck.topology.RunningMesh;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code meshcheck run}: launches (or attaches to) the mesh, snapshots server stats, runs the
 * workload, snapshots again, evaluates the SLOs. Never throws for what goes wrong during the run: a
 * failure becomes a problem in a partial outcome, so that the summary is always written.
 */
final class ScenarioExecution {
  private final LoadScenario scenario;
  private final MeshLauncher launcher;
  private final LoadTuning tuning;
  private final Path checkout;

  ScenarioExecution(
      LoadScenario scenario, MeshLauncher launcher, LoadTuning tuning, Path checkout) {
    this.scenario = scenario;
    this.launcher = launcher;
    this.tuning = tuning;
    this.checkout = checkout;
  }

  RunOutcome run(String runId, Path outDir, LoadProgress progress, AtomicBoolean stop) {
    Instant startedAt = Instant.now();
    Map<String, Object> environment = new LinkedHashMap<>(RunEnvironment.capture(checkout));
    environment.put("topology", scenario.topology().name());
    environment.put("scenario_file", scenario.file().toAbsolutePath().toString());
    environment.put("settings", settings());
    List<String> problems = new ArrayList<>();
    List<WorkloadResult> results = new ArrayList<>();
    List<ServerStats> before = List.of();
    List<ServerStats> after = List.of();
    String backend = "unknown";
    String serverVersion = "unknown";
    try (RunningMesh mesh = launcher.launch(scenario.topology())) {
      backend = mesh.backend().cliName();
      serverVersion = mesh.serverVersion();
      environment.put("backend", backend);
      environment.put("server_version", serverVersion);
      environment.put("client_access", mesh.clientAccess().name().toLowerCase());
      environment.put("image", mesh.image().orElse("none (not containers)"));
      environment.put(
          "nodes", mesh.nodes().stream().map(n -> n.name() + " " + n.clientUrl()).toList());
      before = ServerStats.snapshot(mesh.nodes());
      LoadRun run =
          new LoadRun(scenario.name(), scenario.workload(), mesh.nodes(), tuning, Clock.system());
      results.add(run.execute(outDir.resolve(scenario.name() + ".hlog"), progress, stop));
      after = ServerStats.snapshot(mesh.nodes());
      environment.put("heap_peak_used_bytes", peakHeapUsedBytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted");
    } catch (Exception e) {
      problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return new RunOutcome(
        runId,
        scenario.name(),
        scenario.topology().name(),
        backend,
        serverVersion,
        startedAt,
        results,
        SloEvaluator.evaluate(scenario.slo(), results),
        environment,
        before,
        after,
        problems,
        stop.get());
  }

  /** Sum of each heap pool's peak: an upper bound of the harness's peak heap use. */
  private static long peakHeapUsedBytes() {
    return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    var w = scenario.workload();
    settings.put("kind", w.kind().fileName());
    settings.put("client", w.client().fileName());
    settings.put("subject", w.subject());
    settings.put("rate", w.senders().rate().toString());
    settings.put("senders", w.senders().count());
    settings.put("subscribers", w.receivers().subscriberCount());
    settings.put(
        "service",
        w.receivers().service().queueGroup() + " x" + w.receivers().service().memberCount());
    settings.put(
        "messages_per_sender",
        w.senders().messagesEach().isPresent() ? w.senders().messagesEach().getAsLong() : null);
    settings.put("payload_bytes", w.senders().payloadBytes());
    settings.put("warmup", w.timing().warmup().toString());
    settings.put("duration", w.timing().measure().toString());
    settings.put("request_timeout", w.timing().requestTimeout().toString());
    settings.put("max_send_delay_p99", tuning.maxSendDelayP99().toString());
    settings.put("min_achieved_rate_fraction", tuning.minAchievedRateFraction());
    return settings;
  }
}
