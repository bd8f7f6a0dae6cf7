package dev.meshcheck.scenario;

/** Checks names that end up in server configs, file names and CLI output. */
final class Names {
  private Names() {}

  static boolean isValid(String value) {
    return value != null && value.matches("[A-Za-z0-9][A-Za-z0-9_-]*");
  }

  static void require(String what, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          what + " must be letters, digits, '-' or '_', was '" + value + "'");
    }
  }
}
