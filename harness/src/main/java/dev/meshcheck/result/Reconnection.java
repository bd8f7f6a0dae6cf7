package dev.meshcheck.result;

/**
 * A load connection lost its server and connected again, possibly to another node.
 *
 * @param connection the connection's name, such as {@code meshcheck-client-1}
 * @param fromUrl the server it lost (no credentials)
 * @param toUrl the server it connected to (no credentials)
 * @param atSeconds when the loss was noticed, in seconds from the start of the measured phase
 *     (negative during the warm-up)
 * @param tookMillis from the loss until the connection was ready again (subscriptions renewed)
 */
public record Reconnection(
    String connection, String fromUrl, String toUrl, double atSeconds, double tookMillis) {}
