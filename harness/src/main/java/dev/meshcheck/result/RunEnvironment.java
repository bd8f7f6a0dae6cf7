package dev.meshcheck.result;

/**
 * Where a run was measured from, recorded so that runs are compared honestly.
 *
 * @param client the client library, such as {@code jnats 2.26.2}
 * @param jvm VM name, version and vendor
 * @param cores processors the JVM saw
 * @param maxHeapBytes the JVM's heap limit
 * @param os name, version and architecture
 * @param gitCommit the checkout's commit, or {@code unknown}
 * @param peakHeapUsedBytes an upper bound of the harness's peak heap use; 0 when not measured
 * @param maxSendDelayP99Micros above this send-delay p99 a run is invalid
 * @param minAchievedRateFraction below this fraction of the target rate a run is invalid
 */
public record RunEnvironment(
    String client,
    String jvm,
    int cores,
    long maxHeapBytes,
    String os,
    String gitCommit,
    long peakHeapUsedBytes,
    double maxSendDelayP99Micros,
    double minAchievedRateFraction) {

  /** The same environment with the peak heap measured at the end of the run. */
  public RunEnvironment withPeakHeap(long bytes) {
    return new RunEnvironment(
        client,
        jvm,
        cores,
        maxHeapBytes,
        os,
        gitCommit,
        bytes,
        maxSendDelayP99Micros,
        minAchievedRateFraction);
  }
}
