package dev.meshcheck.compare;

import dev.meshcheck.result.RunResult;
import dev.meshcheck.result.RunStatus;
import dev.meshcheck.scenario.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether runs measured the same thing: the same workload (shape, rate, payload, placement, timing,
 * client), topology, backend and client access. A different server version is what a comparison is
 * often for, so it is a warning, never a refusal.
 */
public final class Comparability {
  private Comparability() {}

  /** What differs between {@code reference} and {@code other}, one line per field. */
  public static List<String> differences(RunResult reference, RunResult other) {
    List<String> differences = new ArrayList<>();
    fields()
        .forEach(
            (field, value) -> {
              String a = value.apply(reference);
              String b = value.apply(other);
              if (!a.equals(b)) {
                differences.add(
                    String.format(
                        "%s differs: %s in %s, %s in %s",
                        field, a, reference.identity().runId(), b, other.identity().runId()));
              }
            });
    return differences;
  }

  /** Warnings that do not prevent a comparison, such as another server version. */
  public static List<String> warnings(RunResult reference, RunResult other) {
    List<String> warnings = new ArrayList<>();
    if (!reference.mesh().serverVersion().equals(other.mesh().serverVersion())) {
      warnings.add(
          String.format(
              "server_version differs: %s in %s, %s in %s",
              reference.mesh().serverVersion(),
              reference.identity().runId(),
              other.mesh().serverVersion(),
              other.identity().runId()));
    }
    return warnings;
  }

  /** Why a run's figures cannot be compared at all (invalid or partial); empty when they can. */
  public static List<String> unusable(RunResult run) {
    RunStatus status = run.status();
    if (status == RunStatus.INVALID || status == RunStatus.PARTIAL) {
      return List.of(
          "run "
              + run.identity().runId()
              + " is "
              + status.json()
              + ": its figures describe "
              + (status == RunStatus.INVALID
                  ? "the generator, not the mesh"
                  : "an unfinished run"));
    }
    if (run.workloads().isEmpty()) {
      return List.of("run " + run.identity().runId() + " has no workload result");
    }
    return List.of();
  }

  private static Map<String, Function<RunResult, String>> fields() {
    Map<String, Function<RunResult, String>> fields = new LinkedHashMap<>();
    fields.put("topology", r -> r.mesh().topology());
    fields.put("backend", r -> r.mesh().backend());
    fields.put("client_access", r -> r.mesh().clientAccess());
    workloadFields()
        .forEach((name, value) -> fields.put(name, r -> value.apply(r.workload().workload())));
    return fields;
  }

  /** The workload's fields by their summary.json names ({@code workload.rate}, ...). */
  static Map<String, Function<Workload, String>> workloadFields() {
    Map<String, Function<Workload, String>> fields = new LinkedHashMap<>();
    fields.put("workload.kind", w -> w.kind().fileName());
    fields.put("workload.client", w -> w.client().fileName());
    fields.put("workload.subject", Workload::subject);
    fields.put("workload.senders", w -> String.valueOf(w.senders().count()));
    fields.put("workload.rate", w -> w.senders().rate().toString());
    fields.put("workload.messages_per_sender", w -> w.senders().messagesEach().toString());
    fields.put("workload.payload_bytes", w -> String.valueOf(w.senders().payloadBytes()));
    fields.put("workload.subscribers", w -> String.valueOf(w.receivers().subscriberCount()));
    fields.put("workload.service", w -> w.receivers().service().toString());
    fields.put("placement.senders", w -> w.placement().senders().toString());
    fields.put("placement.subscribers", w -> w.placement().subscribers().toString());
    fields.put("placement.members", w -> w.placement().members().toString());
    fields.put("workload.warmup", w -> w.timing().warmup().toString());
    fields.put("workload.duration", w -> w.timing().measure().toString());
    fields.put("workload.request_timeout", w -> w.timing().requestTimeout().toString());
    return fields;
  }
}
