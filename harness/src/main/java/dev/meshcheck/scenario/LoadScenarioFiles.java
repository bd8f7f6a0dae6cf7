package dev.meshcheck.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads load scenario files ({@code scenarios/*.yaml}) into validated {@link LoadScenario}s.
 *
 * <pre>{@code
 * name: request-reply-3svc-5krps
 * topology: cluster-3                 # a name under scenarios/topologies, or a path
 * workload:
 *   kind: request-reply               # request-reply | fan-out | queue-fan-out
 *   subject: svc.orders.create
 *   service: { queue: workers, members: 3 }
 *   clients: 4
 *   rate: 5000/s                      # total over all clients; or max
 *   payload: 128B
 *   warmup: 5s
 *   duration: 30s
 * slo: { p99: 2ms, p999: 10ms, max-error-rate: 0% }
 * faults:                             # optional, see FaultTimelines
 *   - { at: 10s, action: kill, node: 2 }
 * }</pre>
 */
public final class LoadScenarioFiles {
  // Digits bounded so that parsing cannot overflow a long: more is a mistake, reported as one.
  private static final Pattern RATE = Pattern.compile("(\\d{1,12})\\s*/\\s*s");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(B|KB|KiB|MB|MiB)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

  private LoadScenarioFiles() {}

  /** Reads {@code file}; its topology is resolved next to the file, then by name. */
  public static LoadScenario load(Path file, ProjectLayout layout) {
    YamlTree root = YamlTree.load(file);
    root.allowOnly("name", "topology", "workload", "slo", "faults");
    String name = root.required("name").asName();
    Topology topology = topology(root.required("topology"), layout);
    Workload workload = WorkloadParser.parse(root.required("workload"));
    Slo slo = root.optional("slo").map(LoadScenarioFiles::slo).orElse(Slo.none());
    List<FaultStep> faults = root.optional("faults").map(FaultTimelines::parse).orElse(List.of());
    return new LoadScenario(name, file, topology, workload, slo, faults);
  }

  private static Topology topology(YamlTree field, ProjectLayout layout) {
    String value = field.asString();
    Path besideScenario = field.file().toAbsolutePath().getParent().resolve(value);
    if (Files.isRegularFile(besideScenario)) {
      return TopologyFiles.load(besideScenario);
    }
    if (Files.isRegularFile(Path.of(value))
        || Files.isRegularFile(layout.topologies().resolve(value + ".yaml"))) {
      return TopologyFiles.resolve(value, layout);
    }
    throw field.error(
        "was '" + value + "': no topology file, and " + TopologyFiles.unknown(value, layout));
  }

  static Slo slo(YamlTree tree) {
    tree.allowOnly("p50", "p90", "p99", "p999", "p9999", "max", "max-error-rate", "max-loss");
    var limits = new java.util.ArrayList<Slo.Limit>();
    for (var entry : tree.entries().entrySet()) {
      String key = entry.getKey();
      YamlTree value = entry.getValue();
      Slo.Limit limit =
          switch (key) {
            case "max-error-rate" ->
                new Slo.RatioLimit(key, Slo.RatioKind.ERROR_RATE, fraction(value));
            case "max-loss" -> new Slo.RatioLimit(key, Slo.RatioKind.LOSS, fraction(value));
            default -> latencyLimit(key, value);
          };
      limits.add(limit);
    }
    return new Slo(limits);
  }

  private static Slo.LatencyLimit latencyLimit(String key, YamlTree value) {
    double percentile =
        switch (key) {
          case "p50" -> 50;
          case "p90" -> 90;
          case "p99" -> 99;
          case "p999" -> 99.9;
          case "p9999" -> 99.99;
          default -> 100;
        };
    Duration limit = value.asDuration();
    if (limit.isZero()) {
      throw value.error("must be a positive duration such as 2ms, was '" + value.asString() + "'");
    }
    return new Slo.LatencyLimit(key, percentile, limit);
  }

  /** {@code 5000/s} or {@code max}. */
  static Rate rate(YamlTree value) {
    String text = value.asString();
    if (text.equalsIgnoreCase("max")) {
      return Rate.max();
    }
    Matcher matcher = RATE.matcher(text);
    if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
      throw value.error("must be a positive rate such as 5000/s, or max, was '" + text + "'");
    }
    return Rate.perSecond(Long.parseLong(matcher.group(1)));
  }

  /** {@code 128B}, {@code 1KiB} (1024), {@code 1KB} (1000), {@code 1MiB}, {@code 1MB}. */
  static int bytes(YamlTree value) {
    String text = value.asString();
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw value.error(
          "must be a size from "
              + Senders.MIN_PAYLOAD_BYTES
              + "B to 8MiB such as 128B, 1KiB or 1MB, was '"
              + text
              + "'");
    }
    long multiplier =
        switch (matcher.group(2)) {
          case "B" -> 1;
          case "KB" -> 1000;
          case "KiB" -> 1024;
          case "MB" -> 1_000_000;
          default -> 1024 * 1024;
        };
    long size = Long.parseLong(matcher.group(1)) * multiplier;
    if (size < Senders.MIN_PAYLOAD_BYTES || size > Senders.MAX_PAYLOAD_BYTES) {
      throw value.error(
          "must be from "
              + Senders.MIN_PAYLOAD_BYTES
              + "B (room for the sequence and timestamps) to 8MiB, was '"
              + text
              + "'");
    }
    return (int) size;
  }

  /** {@code 0.1%} or a plain fraction such as {@code 0.001}. */
  static double fraction(YamlTree value) {
    String text = value.asString();
    Matcher matcher = PERCENT.matcher(text);
    double fraction;
    if (matcher.matches()) {
      fraction = Double.parseDouble(matcher.group(1)) / 100;
    } else {
      try {
        fraction = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw value.error("must be a percentage such as 0.1%, was '" + text + "'");
      }
    }
    if (fraction < 0 || fraction > 1) {
      throw value.error("must be from 0% to 100%, was '" + text + "'");
    }
    return fraction;
  }

  static OptionalLong count(YamlTree value) {
    return OptionalLong.of(value.asInt(1, Integer.MAX_VALUE));
  }
}
