package dev.meshcheck.cli;

import static org.junit.jupiter.api.Assumptions.abort;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every kind of bad input meshcheck answers with one line and exit 2: what the user gave and what
 * meshcheck says. {@link BadInputCatalogueIT} runs each case through the real command line; {@link
 * BadInputTableTest} keeps README's "Bad input" table equal to this list.
 */
final class BadInputCatalogue {
  /** What meshcheck did with one bad input. */
  record Outcome(int exit, String stderr) {}

  /** Writes a case's files under {@code dir}, runs meshcheck, undoes what it set up. */
  interface Attempt {
    Outcome run(Path dir) throws Exception;
  }

  /**
   * @param input what the user gave, as README's table says it (markdown)
   * @param message what meshcheck prints after {@code meshcheck: }, paths relative to the case's
   *     folder or the checkout; {@code ...} stands for the rest of a list of shipped names that
   *     grows (topologies, scenarios, tags, steps) and matches anything there
   */
  record Case(String input, String message, Attempt attempt) {
    static Case of(String input, String message, Attempt attempt) {
      return new Case(input, message, attempt);
    }

    @Override
    public String toString() {
      return input;
    }
  }

  static final String EXIT = "2";

  private static final String SCENARIO =
      """
      name: probe
      topology: single
      workload:
        kind: request-reply
        subject: svc.orders.create
        service: { members: 1 }
        clients: 1
        rate: 100/s
        warmup: 1s
        duration: 1s
      """;

  static final List<Case> CASES =
      List.of(
          Case.of(
              "malformed YAML (a list never closed)",
              "mine.yaml:4: not valid YAML: expected ',' or ']', but got <stream end>",
              dir -> up(dir, "name: mine\nclusters: [\n  { name: east, nodes: 3 }\n", "mine.yaml")),
          Case.of(
              "unknown field (`gateway:`)",
              "mine.yaml:3: field 'gateway': unknown field (did you mean 'gateways'?); valid fields"
                  + " here are name, clusters, gateways, leafnodes, jetstream, include, roles, tls",
              dir ->
                  up(
                      dir,
                      "name: mine\nclusters: [ { name: east, nodes: 3 } ]\ngateway: none\n",
                      "mine.yaml")),
          Case.of(
              "wrong type (`nodes: three`)",
              "mine.yaml:3: field 'clusters[0].nodes': must be a whole number from 1 to 15, was"
                  + " 'three'",
              dir ->
                  up(
                      dir,
                      "name: mine\nclusters:\n  - { name: east, nodes: three }\n",
                      "mine.yaml")),
          Case.of(
              "wrong unit (`duration: 10 parsecs`)",
              "probe.yaml:10: field 'workload.duration': must be a duration: a number and a unit of"
                  + " ns, us, ms, s, m or h, such as 250us, 2ms, 5s or 1m, was '10 parsecs'",
              dir ->
                  inProcess(
                      "run",
                      write(
                              dir,
                              "probe.yaml",
                              SCENARIO.replace("duration: 1s", "duration: 10 parsecs"))
                          .toString())),
          Case.of(
              "out-of-range number (`nodes: 99`)",
              "mine.yaml:3: field 'clusters[0].nodes': must be from 1 to 15, was 99",
              dir ->
                  up(dir, "name: mine\nclusters:\n  - { name: east, nodes: 99 }\n", "mine.yaml")),
          Case.of(
              "missing include",
              "mine.yaml:3: field 'include': names a server config that does not exist:"
                  + " accounts.conf",
              dir ->
                  up(
                      dir,
                      "name: mine\nclusters: [ { name: east, nodes: 1 } ]\ninclude: accounts.conf\n",
                      "mine.yaml")),
          Case.of(
              "circular include (`a.conf` includes `b.conf`, which includes `a.conf`)",
              "b.conf:1: field 'include': includes a.conf, which is already being included (a"
                  + " cycle)",
              dir -> {
                write(dir, "a.conf", "include b.conf\n");
                write(dir, "b.conf", "include a.conf\n");
                return up(
                    dir,
                    "name: mine\nclusters: [ { name: east, nodes: 1 } ]\ninclude: a.conf\n",
                    "mine.yaml");
              }),
          Case.of(
              "an include nats-server refuses (`max_paylod: 1024`); on containers too, see"
                  + " `IncludeRefusedIT`",
              "limits.conf:2: nats-server refused this line of the topology's include: unknown"
                  + " field \"max_paylod\"",
              dir -> {
                write(dir, "limits.conf", "max_payload: 65536\nmax_paylod: 1024\n");
                return up(
                    dir,
                    "name: mine\nclusters: [ { name: east, nodes: 1 } ]\ninclude: limits.conf\n",
                    "mine.yaml");
              }),
          Case.of(
              "unknown topology name (`up clustr-3`)",
              "clustr-3: no such topology file, and no topology by that name in"
                  + " scenarios/topologies (did you mean 'cluster-3'?); known: cluster-3,"
                  + " cluster-3-accounts, ...",
              dir -> inProcess("up", "clustr-3", "--backend", "processes")),
          Case.of(
              "unknown topology name, meshcheck.jar run outside a checkout",
              "clustr-3: no such topology file, and no topology by that name in meshcheck.jar"
                  + " (did you mean 'cluster-3'?); known: cluster-3, cluster-3-accounts, ...",
              dir -> jarOutsideCheckout(dir, "up", "clustr-3", "--backend", "processes")),
          Case.of(
              "unknown scenario name (`run request-reply-3svc-5krp`)",
              "request-reply-3svc-5krp: no such file, and no scenario by that name in scenarios"
                  + " (did you mean 'request-reply-3svc-5krps'?); known: ...",
              dir -> inProcess("run", "request-reply-3svc-5krp")),
          Case.of(
              "unreachable `--url` (`run ... --url nats://127.0.0.1:1`)",
              "--url: nats://127.0.0.1:1: nothing listens there (connection refused); is the mesh"
                  + " running?",
              dir -> inProcess("run", scenario(dir), "--url", "nats://127.0.0.1:1")),
          Case.of(
              "`--url` at a port another program has taken (here an HTTP server, such as a"
                  + " node's monitoring port)",
              "--url: nats://127.0.0.1:<port>: not a NATS server: it accepted the connection but"
                  + " sent no NATS INFO within 3 s (another program on that port?)",
              BadInputCatalogue::urlAtAnHttpServer),
          Case.of(
              "unknown backend (`--backend kubernetes`)",
              "--backend: unknown backend 'kubernetes'; valid: auto, containers, processes,"
                  + " external",
              dir -> inProcess("up", "single", "--backend", "kubernetes")),
          Case.of(
              "a shard that is not one (`run ... --shard 3/2`)",
              "--shard: must be i/N with 0 <= i < N (such as 0/3), was '3/2'",
              dir -> inProcess("run", scenario(dir), "--shard", "3/2")),
          Case.of(
              "no nats-server binary (`MESHCHECK_NATS_SERVER=/nonexistent`, `--backend"
                  + " processes`)",
              "MESHCHECK_NATS_SERVER: /nonexistent is not an executable file; point it at"
                  + " nats-server, or unset it",
              dir ->
                  jar(
                      dir,
                      Map.of("MESHCHECK_NATS_SERVER", "/nonexistent"),
                      "up",
                      "single",
                      "--backend",
                      "processes")),
          Case.of(
              "`--backend containers` without Docker (`DOCKER_HOST=unix:///nonexistent.sock`)",
              "--backend: containers cannot run here: Docker does not answer at"
                  + " DOCKER_HOST=unix:///nonexistent.sock: start the daemon there, or unset"
                  + " DOCKER_HOST to use the local one",
              dir ->
                  jar(
                      dir,
                      Map.of("DOCKER_HOST", "unix:///nonexistent.sock"),
                      "up",
                      "single",
                      "--backend",
                      "containers")),
          Case.of(
              "`--backend containers` with an image that is not there"
                  + " (`MESHCHECK_NATS_IMAGE=meshcheck/nats:no-such-tag`)",
              "--backend: containers cannot run here: image 'meshcheck/nats:no-such-tag' is not"
                  + " present locally and the containers backend never pulls: build one from the"
                  + " host's nats-server with docker/build-local-image.sh (meshcheck then uses"
                  + " meshcheck/nats:local when no image is named) or docker pull"
                  + " meshcheck/nats:no-such-tag where a registry is reachable",
              BadInputCatalogue::missingImage),
          Case.of(
              "`--out` under a regular file",
              "--out: cannot write the report folder afile/report: afile is a file, not a folder;"
                  + " choose another",
              dir -> {
                write(dir, "afile", "");
                return inProcess(
                    "run",
                    scenario(dir),
                    "--backend",
                    "processes",
                    "--out",
                    dir.resolve("afile/report").toString());
              }),
          Case.of(
              "`--out` in a read-only folder",
              "--out: cannot write the report folder readonly: permission denied; choose another",
              BadInputCatalogue::readOnlyOut),
          Case.of(
              "a feature with a Gherkin syntax error (a table row with a cell missing)",
              "mine.feature:5: not valid Gherkin: inconsistent cell count within the table",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n"
                          + "      | a | b |\n      | c |\n")),
          Case.of(
              "a feature with an undefined step (`When a subscriber \"sub\" listens on \"a.b\" at"
                  + " node 1`)",
              "mine.feature:4: field 'step': no step of meshcheck matches 'When a subscriber \"sub\""
                  + " listens on \"a.b\" at node 1'; the closest are: 'a subscriber {string} on"
                  + " node {node} listening to {string}', ...",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n"
                          + "    When a subscriber \"sub\" listens on \"a.b\" at node 1\n")),
          Case.of(
              "a feature naming a topology that is not there (`Given a \"nope\" mesh`)",
              "mine.feature:3: field 'topology': no topology 'nope': no such file, and no topology"
                  + " by that name in scenarios/topologies; known: cluster-3, cluster-3-accounts,"
                  + " ...",
              dir -> check(dir, "Feature: f\n  Scenario: s\n    Given a \"nope\" mesh\n")),
          Case.of(
              "a feature naming a node beyond its mesh (`node 7` on `cluster-3`)",
              "mine.feature:4: field 'node': node 7 is not in topology 'cluster-3', whose nodes are"
                  + " 1..3 (east-1, east-2, east-3)",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  Scenario: s\n    Given a \"cluster-3\" mesh\n"
                          + "    When a publisher on node 7 sends 10 messages to \"a.b\"\n")),
          Case.of(
              "a feature with a tag no feature of meshcheck has (`@jetstrem`)",
              "mine.feature:2: field 'tags': unknown tag '@jetstrem' (did you mean '@jetstream'?);"
                  + " known: @gateways, @leafnodes, @jetstream, ..., @min-server-X.Y",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  @jetstrem\n  Scenario: s\n    Given a \"single\" mesh\n")),
          Case.of(
              "`--tags` that select no scenario (`check ... --tags @discovery`)",
              "mine.feature: no scenario is selected by --tags '@discovery' in [mine.feature];"
                  + " nothing would be checked",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n",
                      "--tags",
                      "@discovery")),
          Case.of(
              "unreachable `--url` for `check` (`check ... --url nats://127.0.0.1:1`)",
              "--url: nats://127.0.0.1:1: nothing listens there (connection refused); is the mesh"
                  + " running?",
              dir ->
                  check(
                      dir,
                      "Feature: f\n  Scenario: s\n    Given a \"single\" mesh\n"
                          + "    When a publisher on node 1 sends 1 message to \"a\"\n",
                      "--url",
                      "nats://127.0.0.1:1")));

  private BadInputCatalogue() {}

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String scenario(Path dir) throws IOException {
    return write(dir, "probe.yaml", SCENARIO).toString();
  }

  /** {@code check} of {@code gherkin}, written to {@code mine.feature}, on processes. */
  private static Outcome check(Path dir, String gherkin, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                write(dir, "mine.feature", gherkin).toString(),
                "--backend",
                "processes",
                "--out",
                dir.resolve("report").toString()));
    args.addAll(List.of(options));
    return inProcess(args.toArray(String[]::new));
  }

  private static Outcome up(Path dir, String topology, String fileName) throws IOException {
    return inProcess("up", write(dir, fileName, topology).toString(), "--backend", "processes");
  }

  /** {@link Main} in this JVM, as {@code java -jar meshcheck.jar} would run it. */
  static Outcome inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(exit, err.toString());
  }

  /** {@code java -jar meshcheck.jar} in the checkout, with {@code env} added. */
  static Outcome jar(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ShardProcesses.javaBinary());
    command.add("-Dmeshcheck.root=" + ShardProcesses.root());
    command.add("-jar");
    command.add(ShardProcesses.jar().toString());
    command.addAll(List.of(args));
    return start(dir, env, command);
  }

  /** {@code java -jar meshcheck.jar} in {@code dir}, which is no checkout. */
  static Outcome jarOutsideCheckout(Path dir, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(ShardProcesses.javaBinary(), "-jar", ShardProcesses.jar().toString()));
    command.addAll(List.of(args));
    return start(dir, Map.of(), command);
  }

  private static Outcome start(Path dir, Map<String, String> env, List<String> command)
      throws Exception {
    Path stderr = dir.resolve("meshcheck.stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("meshcheck.stdout").toFile())
            .redirectError(stderr.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("meshcheck " + command + " did not end within 90 s");
    }
    return new Outcome(process.exitValue(), Files.readString(stderr));
  }

  private static Outcome urlAtAnHttpServer(Path dir) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.start();
    try {
      int port = http.getAddress().getPort();
      Outcome outcome = inProcess("run", scenario(dir), "--url", "nats://127.0.0.1:" + port);
      return new Outcome(outcome.exit(), outcome.stderr().replace(":" + port, ":<port>"));
    } finally {
      http.stop(0);
    }
  }

  private static Outcome missingImage(Path dir) throws Exception {
    Outcome outcome =
        jar(
            dir,
            Map.of("MESHCHECK_NATS_IMAGE", "meshcheck/nats:no-such-tag"),
            "up",
            "single",
            "--backend",
            "containers");
    if (outcome.stderr().contains("Docker does not answer")) {
      abort("Docker does not answer here: the message is about Docker, not the image");
    }
    return outcome;
  }

  /**
   * Root writes into a folder without write permission, so for root the folder is also made
   * immutable ({@code chattr +i}); where neither holds it, the case cannot be shown here.
   */
  private static Outcome readOnlyOut(Path dir) throws Exception {
    Path readOnly = Files.createDirectories(dir.resolve("readonly"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    boolean immutable = false;
    try {
      if (acceptsFiles(readOnly)) {
        immutable = chattr("+i", readOnly);
      }
      if (acceptsFiles(readOnly)) {
        abort("this user can write into any folder here (root without chattr)");
      }
      return inProcess(
          "run", scenario(dir), "--backend", "processes", "--out", readOnly.toString());
    } finally {
      if (immutable) {
        chattr("-i", readOnly);
      }
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean acceptsFiles(Path folder) {
    try {
      Files.delete(Files.createTempFile(folder, "probe", ""));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean chattr(String change, Path folder) throws Exception {
    try {
      Process chattr =
          new ProcessBuilder("chattr", change, folder.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
    } catch (IOException noChattr) {
      return false;
    }
  }
}
