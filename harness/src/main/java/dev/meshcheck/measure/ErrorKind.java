package dev.meshcheck.measure;

/** Why a request or a publish failed. */
public enum ErrorKind {
  /** No reply within the request timeout. */
  TIMEOUT("timeout"),
  /** The server answered at once that nobody listens on the subject (status 503). */
  NO_RESPONDERS("no_responders"),
  /** Anything else: the client refused the publish (disconnected, queue full), a bad reply. */
  OTHER("other");

  private final String key;

  ErrorKind(String key) {
    this.key = key;
  }

  /** The key in summary.json. */
  public String key() {
    return key;
  }
}
