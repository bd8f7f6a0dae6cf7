package dev.meshcheck.readme;

import static dev.meshcheck.readme.Coverage.mappedTo;
import static dev.meshcheck.readme.Coverage.mention;
import static dev.meshcheck.readme.Coverage.runs;

import java.util.List;

/**
 * Every command README.md shows, and how it is kept true: run by {@link ReadmeCommandsIT} (in this
 * order), mapped to the test or CI step that runs it, or, for a command named in a sentence, a
 * mention. {@link ReadmeCommandsTest} fails when README shows a command missing here, or when one
 * here is no longer in README: a new command is one line here.
 *
 * <p>Variables the IT fills in: {@code {tmp}} its temporary folder, {@code {clientUrls}} and {@code
 * {monitorUrls}} the nodes of the last held {@code up}, {@code {hlog}} the interval log of the run
 * it wrote to {@code {tmp}/run}.
 *
 * <p>Where README leaves the backend to {@code auto}, the IT adds {@code --backend processes}: here
 * {@code auto} means containers, which took 22 s to bring up supercluster-2x3 (load average about
 * 12) where processes take a few seconds; the containers backend has its own tests. Reports go to
 * {@code --out} folders under {@code {tmp}}, so that the checkout's {@code reports/} is left alone.
 */
final class ReadmeCoverage {
  private static final String CI = ".ci/run";
  private static final String TESTS = "harness/src/test/java/dev/meshcheck/";

  static final List<Coverage> ALL =
      List.of(
          runs("java -jar harness/target/meshcheck.jar --help").prints("^Usage: meshcheck "),
          runs("java -jar harness/target/meshcheck.jar steps")
              .prints(
                  "^  Given a subscriber \\{string\\} on node \\{node\\} listening to \\{string\\}$"),
          runs("java -jar harness/target/meshcheck.jar jmh -lp")
              .prints("^dev\\.meshcheck\\.bench\\.RequestReplyBenchmark\\.request$"),
          runs("java -jar harness/target/meshcheck.jar jmh --jmh-help")
              .prints("^Usage: java -jar \\.\\.\\. \\[regexp\\*\\] \\[options\\]"),
          runs("docker/build-local-image.sh").needsDocker().prints("^sha256:[0-9a-f]{64}$"),
          runs("java -jar harness/target/meshcheck.jar up <topology> [--backend ...]")
              .replacing("<topology>", "cluster-3")
              .replacing("[--backend ...]", "--backend processes")
              .holdsUntilCtrlC()
              .prints("^ready in \\d+ ms; Ctrl-C stops the mesh$"),
          runs("java -jar harness/target/meshcheck.jar check features/discovery/wildcards.feature --url nats://a:4222,nats://b:4222 --monitor-url http://a:8222,http://b:8222")
              .replacing("nats://a:4222,nats://b:4222", "{clientUrls}")
              .replacing("http://a:8222,http://b:8222", "{monitorUrls}")
              .adding("--out", "{tmp}/check-url")
              .prints("^conformance report: .*check-url/conformance-summary\\.md \\(passed\\)$"),
          runs("java -jar harness/target/meshcheck.jar check features/discovery/wildcards.feature --topology supercluster-2x3 --backend processes")
              .adding("--out", "{tmp}/check-topology")
              .prints(
                  "^conformance report: .*check-topology/conformance-summary\\.md \\(passed\\)$"),
          runs("java -jar harness/target/meshcheck.jar check features --tags \"@routing and not @accounts\"")
              .adding("--backend", "processes", "--out", "{tmp}/check-tags")
              .prints("^conformance report: .*check-tags/conformance-summary\\.md \\(passed\\)$"),
          runs("java -jar harness/target/meshcheck.jar run scenarios/request-reply-3svc-5krps.yaml [--topology cluster-3] [--backend auto|containers|processes] [--url nats://host:4222 --monitor-url http://host:8222] [--out DIR] [--warmup 1s] [--duration 2s]")
              .replacing("[--backend auto|containers|processes]", "--backend processes")
              .replacing("[--out DIR]", "--out {tmp}/run")
              .replacing("[--warmup 1s]", "--warmup 1s")
              .replacing("[--duration 2s]", "--duration 2s")
              // 1: the loaded 2-core machine this is built on often falls behind a 5,000/s
              // schedule.
              .exits(0, 99, 1)
              .prints("^status: (passed|slo-breached|invalid)$"),
          runs("java -cp meshcheck.jar org.HdrHistogram.HistogramLogProcessor -i x.hlog -tag latency -outputValueUnitRatio 1000")
              .replacing("x.hlog", "{hlog}")
              .outsideCheckout()
              .prints("^\\s+Value\\s+Percentile\\s+TotalCount"),
          runs("java -jar meshcheck.jar run request-reply-1svc-1krps-single")
              .adding("--warmup", "1s", "--duration", "2s", "--backend", "processes")
              .outsideCheckout()
              .exits(0, 99, 1)
              .prints("^report: .*/reports/runs/\\d{8}-\\d{6}-request-reply-1svc-1krps-single$"),
          runs("java -jar meshcheck.jar up supercluster-2x3")
              .adding("--backend", "processes")
              .outsideCheckout()
              .holdsUntilCtrlC()
              .prints("^ready in \\d+ ms; Ctrl-C stops the mesh$"),
          // Mapped: run by another test, or by CI's entry point.
          mappedTo(
              "bash scripts/setup-host.sh",
              CI,
              "installs Debian packages and starts dockerd as root; CI's entry point runs it",
              "bash scripts/setup-host.sh"),
          mappedTo(
              "mvn -B -q package -DskipTests",
              CI,
              "mvn itself: CI runs mvn -B verify, whose package phase builds the jar every java -jar"
                  + " command here runs",
              "mvn",
              "-B"),
          mappedTo(
              "mvn -B verify",
              CI,
              "mvn itself: CI's entry point runs exactly this",
              "mvn -B verify"),
          mappedTo(
              "mvn verify",
              CI,
              "mvn itself, named in a sentence; CI runs mvn -B verify",
              "mvn",
              "verify"),
          mappedTo(
              "mvn spotless:apply",
              "pom.xml",
              "mvn itself: the formatter the pom configures; mvn -B verify checks what it would change",
              "spotless"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar check features",
              TESTS + "steps/ConformanceIT.java",
              "every feature takes minutes; ConformanceIT runs the same FeatureRun on features/ under"
                  + " mvn verify, and the check command itself runs above on narrower selections",
              "features"),
          mappedTo(
              "mvn -B verify -Dmeshcheck.backend=processes",
              TESTS + "steps/ConformanceIT.java",
              "mvn itself: ConformanceIT is what it runs for the features, on meshcheck.backend",
              "meshcheck.backend"),
          mappedTo(
              "mvn -B verify -Dit.test=ConformanceIT -Dcucumber.filter.tags=@discovery",
              TESTS + "steps/ConformanceIT.java",
              "mvn itself: ConformanceIT narrows its features by cucumber.filter.tags",
              "ConformanceIT",
              "cucumber.filter.tags",
              "@discovery"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar check examples/own-config/shop.feature --topology examples/own-config/shop-mesh.yaml",
              TESTS + "cli/OwnConfigWalkthroughIT.java",
              "OwnConfigWalkthroughIT runs it (processes backend), and again on a broken config",
              "check",
              "shop.feature",
              "--topology",
              "shop-mesh.yaml"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar run scenarios/request-reply-3svc-1krps-cluster3-kill-node.yaml --backend processes",
              TESTS + "cli/FaultTimelineIT.java",
              "its faults at 5 s and 11 s need its whole 20 s measured phase; FaultTimelineIT runs it",
              "run",
              "request-reply-3svc-1krps-cluster3-kill-node.yaml",
              "--backend",
              "processes"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar matrix scenarios/request-reply-1client-1svc-2krps-local-remote.yaml --topologies single,cluster-3,supercluster-2x3,leaf-hub --repeat 3 [--backend ...] [--out DIR]",
              TESTS + "cli/MatrixCommandIT.java",
              "12 runs take minutes; MatrixCommandIT runs matrix on 2 topologies x 2 rounds of a"
                  + " short request-reply placed on local and remote, as this scenario is",
              "matrix",
              "--topologies",
              "single,cluster-3",
              "--repeat"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar compare reports/runs/<baseline>... --against reports/runs/<candidate>... [--max-regression 10%] [--metric p99,throughput] [--out DIR]",
              TESTS + "cli/CompareCommandTest.java",
              "compare refuses invalid runs, and this loaded machine often makes short runs invalid;"
                  + " CompareCommandTest runs it on written runs of known latency",
              "compare",
              "--against",
              "--max-regression",
              "--metric",
              "--out"),
          mappedTo(
              "scripts/compare-refbench.sh 3 open",
              TESTS + "load/CompareRefbenchScriptIT.java",
              "CompareRefbenchScriptIT runs it shortened (1 round, 2,000 req/s) where refbench is"
                  + " built",
              "compare-refbench.sh",
              "open"),
          mappedTo(
              "scripts/compare-refbench.sh [ROUNDS] max",
              TESTS + "load/CompareRefbenchScriptIT.java",
              "CompareRefbenchScriptIT runs it shortened (1 round, 50,000 messages, the wire"
                  + " client) where refbench is built",
              "compare-refbench.sh",
              "max"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar run scenarios/fanout-3pub-3sub-128b-3krps-cluster3-shardable.yaml --shard 0/3 --start-at 2026-12-02T10:00:00Z --url nats://host:4222 [--monitor-url http://host:8222] --out reports/runs/shard-0",
              TESTS + "cli/ShardProcesses.java",
              "needs a mesh and a shared start; ShardedRunIT runs three shards of this scenario as"
                  + " java -jar processes against a cluster-3, started by ShardProcesses",
              "--shard",
              "--start-at",
              "--url",
              "--monitor-url",
              "--out"),
          mappedTo(
              "java -jar meshcheck.jar run --shard i/3",
              TESTS + "cli/ShardProcesses.java",
              "named in a sentence about ShardedRunIT, which runs it through ShardProcesses",
              "--shard"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar merge reports/runs/shard-0 reports/runs/shard-1 reports/runs/shard-2 --out reports/runs/merged",
              TESTS + "cli/ShardedRunIT.java",
              "needs the shards' folders; ShardedRunIT merges the three it ran",
              "merge",
              "--out"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar k8s scenarios/fanout-3pub-3sub-128b-3krps-cluster3-shardable.yaml --shards 3 --url nats://nats.mesh.svc:4222 [--monitor-url ...] [--image meshcheck/meshcheck:local] [--start-at 2026-12-02T10:00:00Z] [--storage-class nfs] [--name orders] --out k8s",
              TESTS + "cli/K8sCommandTest.java",
              "K8sCommandTest runs it with these options and reads every manifest",
              "k8s",
              "fanout-3pub-3sub-128b-3krps-cluster3-shardable.yaml",
              "--shards",
              "3",
              "--url",
              "nats://nats.mesh.svc:4222",
              "--start-at",
              "--out"),
          mappedTo(
              "kubectl label --local -f k8s/shards.yaml checked=offline -o name",
              TESTS + "cli/K8sCommandTest.java",
              "K8sCommandTest runs it on each manifest it wrote, where kubectl is installed",
              "label",
              "--local",
              "-f",
              "checked=offline",
              "-o",
              "name"),
          mappedTo(
              "kubectl label --local",
              TESTS + "cli/K8sCommandTest.java",
              "named in a sentence about K8sCommandTest, which runs it",
              "label",
              "--local"),
          mappedTo(
              "docker/build-meshcheck-image.sh",
              TESTS + "cli/ShardContainersIT.java",
              "builds a 100 MB image; ShardContainersIT builds it and runs shards in it",
              "docker/build-meshcheck-image.sh"),
          mappedTo(
              "docker run --network host",
              TESTS + "cli/ShardContainersIT.java",
              "named in a sentence about ShardContainersIT, which runs its shards so",
              "--network",
              "host"),
          mappedTo(
              "docker rm -f $(docker ps -aq --filter label=dev.meshcheck=true)",
              TESTS + "topology/ContainerConfigTest.java",
              "it would remove the containers of tests running beside this one; ContainerConfigTest"
                  + " checks that every container carries the label dev.meshcheck=true it filters on",
              "dev.meshcheck"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar jmh --quick --backend processes",
              TESTS + "bench/JmhQuickIT.java",
              "JmhQuickIT runs it from the jar (backend from meshcheck.backend)",
              "jmh",
              "--quick",
              "--backend"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar jmh --backend processes",
              TESTS + "bench/JmhRunOptionsTest.java",
              "full mode takes about 20 minutes; JmhRunOptionsTest checks the options it runs with"
                  + " and that the backend reaches the forked JVMs",
              "jmh",
              "processes"),
          mappedTo(
              "java -jar harness/target/meshcheck.jar jmh -p topology=cluster-3 -p payloadBytes=128 RequestReply",
              TESTS + "bench/JmhRunOptionsTest.java",
              "full mode takes about a minute here; JmhRunOptionsTest checks that -p and a benchmark"
                  + " name reach JMH as given, and JmhQuickIT runs RequestReply on cluster-3",
              "-p",
              "topology=cluster-3"),
          // Mentions: commands named in a sentence, not given to type.
          mention("docker pause", "what the containers backend does to pause a node"),
          mention("kubectl cp", "how to copy the merged folder out of a cluster; none here"),
          mention(
              "kubectl create --dry-run=client", "named as what cannot check manifests offline"),
          mention("java -jar meshcheck.jar", "the meshcheck image's entry point"));

  private ReadmeCoverage() {}
}
