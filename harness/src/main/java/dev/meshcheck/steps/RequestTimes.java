package dev.meshcheck.steps;

import java.util.Arrays;

/** Timings of a batch of requests. Stateless. */
final class RequestTimes {
  private RequestTimes() {}

  /** The median time to an outcome, in microseconds (0 for an empty batch). */
  static long medianMicros(RequestLog log) {
    long[] nanos = log.outcomes().stream().mapToLong(RequestOutcome::latencyNanos).toArray();
    if (nanos.length == 0) {
      return 0;
    }
    Arrays.sort(nanos);
    int mid = nanos.length / 2;
    long median = nanos.length % 2 == 1 ? nanos[mid] : (nanos[mid - 1] + nanos[mid]) / 2;
    return median / 1000;
  }
}
