package dev.meshcheck.steps;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which user and password sign a client in to an account. By convention an account {@code B} of an
 * included accounts config has a user {@code b} with password {@code b} (see {@code
 * scenarios/configs/}); a feature can name other credentials with {@code Given account "B" signs in
 * as "bob" with password "secret"}. Not thread-safe: one per scenario.
 */
final class Logins {
  record Login(String user, String password) {}

  private final Map<String, Login> byAccount = new HashMap<>();

  void define(String account, String user, String password) {
    byAccount.put(account, new Login(user, password));
  }

  Login forAccount(String account) {
    String conventional = account.toLowerCase(Locale.ROOT);
    return byAccount.getOrDefault(account, new Login(conventional, conventional));
  }
}
