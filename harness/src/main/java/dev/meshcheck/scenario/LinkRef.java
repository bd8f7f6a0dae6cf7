package dev.meshcheck.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A link as a fault timeline names it, before it meets a mesh: {@code route 1 2}, {@code gateway
 * east west}, {@code gateways east-1} (every gateway connection of a node), {@code leaf leaf-1},
 * {@code clients 2} (the client connections of node 2), {@code peers 1} (every route, gateway and
 * leaf link of node 1). Nodes by number or name, clusters by name.
 *
 * @param names the nodes or clusters, as written
 */
public record LinkRef(Kind kind, List<String> names) {
  /** The link kinds a timeline can name, with how many names each takes. */
  public enum Kind {
    ROUTE(2),
    GATEWAY(2),
    GATEWAYS(1),
    LEAF(1),
    CLIENTS(1),
    PEERS(1);

    private final int names;

    Kind(int names) {
      this.names = names;
    }

    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LinkRef {
    names = List.copyOf(names);
    if (names.size() != kind.names) {
      throw new IllegalArgumentException(
          kind.fileName() + " takes " + kind.names + " name(s), was " + names);
    }
  }

  /**
   * @throws IllegalArgumentException naming what would be valid
   */
  static LinkRef parse(String text) {
    List<String> words = Arrays.asList(text.trim().split("\\s+"));
    Kind kind;
    try {
      kind = Kind.valueOf(words.get(0).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "must be a link such as 'route 1 2', 'gateway east west', 'gateways east-1',"
              + " 'leaf leaf-1', 'clients 2' or 'peers 1', was '"
              + text
              + "'");
    }
    List<String> names = words.subList(1, words.size());
    if (names.size() != kind.names) {
      throw new IllegalArgumentException(
          "'"
              + kind.fileName()
              + "' takes "
              + (kind.names == 2 ? "two names" : "one name")
              + ", such as '"
              + example(kind)
              + "', was '"
              + text
              + "'");
    }
    return new LinkRef(kind, names);
  }

  /** As written: {@code route 1 2}. */
  public String describe() {
    return kind.fileName() + " " + String.join(" ", names);
  }

  /** The names that are nodes (all but a gateway's clusters). */
  List<String> nodeNames() {
    return kind == Kind.GATEWAY ? List.of() : names;
  }

  private static String example(Kind kind) {
    return switch (kind) {
      case ROUTE -> "route 1 2";
      case GATEWAY -> "gateway east west";
      case GATEWAYS -> "gateways east-1";
      case LEAF -> "leaf leaf-1";
      case CLIENTS -> "clients 2";
      case PEERS -> "peers 1";
    };
  }
}
