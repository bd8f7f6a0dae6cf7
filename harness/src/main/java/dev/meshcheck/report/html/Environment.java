package dev.meshcheck.report.html;

import dev.meshcheck.result.RunEnvironment;
import dev.meshcheck.result.RunResult;
import java.util.List;

/** The mesh and machine a run was measured on, as a table. */
final class Environment {
  private Environment() {}

  static String table(RunResult run) {
    RunEnvironment e = run.environment();
    return Html.table(
        List.of("what", "value"),
        List.of(
            List.of("topology", run.mesh().topology()),
            List.of("backend", run.mesh().backend()),
            List.of("client access", run.mesh().clientAccess()),
            List.of("nats-server", run.mesh().serverVersion()),
            List.of("image", run.mesh().image()),
            List.of("nodes", String.join(", ", run.mesh().nodes())),
            List.of("client library", e.client()),
            List.of("JVM", e.jvm()),
            List.of("cores", String.valueOf(e.cores())),
            List.of("OS", e.os()),
            List.of("git commit", e.gitCommit()),
            List.of("peak heap used", String.format("%.1f MiB", e.peakHeapUsedBytes() / 1048576.0)),
            List.of("invalid above send-delay p99", Axis.durationLabel(e.maxSendDelayP99Micros())),
            List.of(
                "invalid below share of target rate",
                String.valueOf(e.minAchievedRateFraction()))));
  }
}
