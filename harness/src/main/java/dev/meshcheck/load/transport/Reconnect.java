package dev.meshcheck.load.transport;

import java.time.Duration;

/**
 * A connection lost its server and connected again, possibly to another node of the mesh.
 *
 * @param connectionName the connection's name on the server, such as {@code meshcheck-client-1}
 * @param fromUrl the server it lost (user and password, if any, are dropped)
 * @param toUrl the server it is connected to now (likewise)
 * @param lostAtNanos when the loss was noticed, on the run's nanosecond clock
 * @param tookNanos from the loss until the new connection was ready (its subscriptions renewed)
 */
public record Reconnect(
    String connectionName, String fromUrl, String toUrl, long lostAtNanos, long tookNanos) {
  public Reconnect {
    if (tookNanos < 0) {
      throw new IllegalArgumentException("tookNanos must be >= 0, was " + tookNanos);
    }
    fromUrl = withoutCredentials(fromUrl);
    toUrl = withoutCredentials(toUrl);
  }

  // Reports are shared; a URL's user:password@ must not end up in them.
  private static String withoutCredentials(String url) {
    return url == null ? null : url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@", "$1");
  }

  public Duration took() {
    return Duration.ofNanos(tookNanos);
  }
}
