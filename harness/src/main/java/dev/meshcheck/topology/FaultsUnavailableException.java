package dev.meshcheck.topology;

/** A fault was asked of a node whose backend cannot inject it; the message says why. */
public final class FaultsUnavailableException extends RuntimeException {
  public FaultsUnavailableException(String reason) {
    super(reason);
  }
}
