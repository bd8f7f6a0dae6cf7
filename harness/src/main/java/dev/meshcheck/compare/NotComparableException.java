package dev.meshcheck.compare;

import java.util.List;

/** Runs that do not measure the same thing; the message names each field that differs. */
public final class NotComparableException extends RuntimeException {
  private final List<String> reasons;

  public NotComparableException(List<String> reasons) {
    super("the runs are not comparable: " + String.join("; ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
