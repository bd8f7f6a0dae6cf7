package dev.meshcheck.steps;

import java.util.Optional;

/**
 * Who a client is and where it connects.
 *
 * @param nodeName the node as a step names it: a number ({@code "2"}) or a name ({@code "west-1"})
 * @param account the account the client signs in to, or empty for the default account
 */
public record ClientSpec(String nodeName, Optional<String> account) {
  public ClientSpec {
    if (nodeName == null || nodeName.isBlank()) {
      throw new IllegalArgumentException("nodeName must name a node, was blank");
    }
    account = account.filter(a -> !a.isBlank());
  }

  public static ClientSpec on(String nodeName) {
    return new ClientSpec(nodeName, Optional.empty());
  }

  public static ClientSpec of(String account, String nodeName) {
    return new ClientSpec(nodeName, Optional.of(account));
  }

  public String describe() {
    return account.map(a -> "account " + a + " on node " + nodeName).orElse("node " + nodeName);
  }
}
