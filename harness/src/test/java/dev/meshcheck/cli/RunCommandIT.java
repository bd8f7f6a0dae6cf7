package dev.meshcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshcheck run} end to end: files, keys, and exit codes that follow the status. */
class RunCommandIT {
  @TempDir Path dir;

  @Test
  void aPassingClosedLoopRunWritesEveryReportFileAndExitsZero() throws Exception {
    Path scenario =
        write(
            "name: cli-pass\ntopology: single\nworkload: { kind: request-reply, subject: svc.cli,"
                + " service: { members: 2 }, clients: 1, rate: max, warmup: 1s, duration: 3s }\n"
                + "slo: { p50: 1s, max-error-rate: 0% }\n");
    Path out = dir.resolve("pass");
    int exit =
        Main.run("run", scenario.toString(), "--backend", backend(), "--out", out.toString());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("status").asText()).isEqualTo("passed");
    assertThat(exit).isEqualTo(ExitCodes.OK);
    JsonNode workload = summary.path("workloads").get(0);
    for (String key :
        new String[] {
          "name",
          "kind",
          "target_rate_per_sec",
          "achieved_rate_per_sec",
          "sent",
          "received",
          "errors",
          "lost",
          "duplicates",
          "out_of_order",
          "delivered_per_sec",
          "latency_us",
          "service_time_us",
          "send_delay_us"
        }) {
      assertThat(workload.has(key)).as(key).isTrue();
    }
    assertThat(workload.path("target_rate_per_sec").isNull()).as("max rate has no target").isTrue();
    assertThat(workload.path("sent").asLong()).isPositive();
    assertThat(workload.path("latency_us").path("p9999").asDouble()).isPositive();
    assertThat(summary.path("server_stats").get(0).path("delta").path("in_msgs").asLong())
        .as("the server saw the requests and replies")
        .isGreaterThanOrEqualTo(2 * workload.path("sent").asLong());
    assertThat(summary.path("environment").path("cores").asInt()).isPositive();
    assertThat(out.resolve("slo-junit.xml"))
        .content()
        .contains("<testsuite")
        .doesNotContain("<failure");
    assertThat(out.resolve("cli-pass.latency.hgrm")).content().contains("Percentile");
    assertThat(readHlog(out.resolve("cli-pass.hlog")))
        .as("latency intervals in the .hlog add up to the summary's count")
        .isEqualTo(workload.path("latency_us").path("count").asLong());
  }

  @Test
  void aBreachedSloExitsNinetyNineUnlessTheRunIsInvalid() throws Exception {
    Path scenario =
        write(
            "name: cli-breach\ntopology: single\nworkload: { kind: fan-out, subject: ev.cli,"
                + " subscribers: 1, rate: 200/s, warmup: 1s, duration: 2s }\nslo: { p50: 1us }\n");
    Path out = dir.resolve("breach");
    int exit =
        Main.run("run", scenario.toString(), "--backend", backend(), "--out", out.toString());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("slo").get(0).path("passed").asBoolean()).isFalse();
    assertThat(summary.path("slo").get(0).path("limit_us").asDouble()).isEqualTo(1.0);
    String status = summary.path("status").asText();
    // On a starved machine the generator may miss its schedule: then invalid (1), never passed.
    assertThat(status).isIn("slo-breached", "invalid");
    assertThat(exit).isEqualTo(status.equals("slo-breached") ? 99 : 1);
    assertThat(out.resolve("slo-junit.xml")).content().contains("<failure");
  }

  @Test
  void aBadScenarioExitsTwo() throws Exception {
    Path scenario =
        write("name: bad\ntopology: single\nworkload: { kind: fan-out, subject: a, rate: soon }\n");
    assertThat(Main.run("run", scenario.toString(), "--out", dir.resolve("bad").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static long readHlog(Path file) throws Exception {
    long count = 0;
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      HistogramLogReader reader = new HistogramLogReader(in);
      Histogram interval;
      while ((interval = (Histogram) reader.nextIntervalHistogram()) != null) {
        if ("latency".equals(interval.getTag())) {
          count += interval.getTotalCount();
        }
      }
    }
    return count;
  }

  private Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "scenario", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String backend() {
    return System.getProperty("meshcheck.backend", "auto");
  }
}
