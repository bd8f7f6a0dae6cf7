package dev.meshcheck.topology;

/** A mesh could not be brought up; the message says which node and what was seen. */
public final class MeshStartException extends RuntimeException {
  public MeshStartException(String message) {
    super(message);
  }

  public MeshStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
