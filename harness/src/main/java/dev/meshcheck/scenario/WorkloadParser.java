package dev.meshcheck.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the {@code workload} mapping of a load scenario. */
final class WorkloadParser {
  private static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
  private static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private WorkloadParser() {}

  static Workload parse(YamlTree tree) {
    tree.allowOnly(
        "kind",
        "subject",
        "publishers",
        "subscribers",
        "clients",
        "service",
        "rate",
        "messages",
        "payload",
        "warmup",
        "duration",
        "request-timeout",
        "client");
    WorkloadKind kind =
        WorkloadKind.fromFileName(tree.required("kind").asChoice(WorkloadKind.fileNames()));
    rejectFieldsOtherKindsUse(tree, kind);
    String subject = subject(tree.required("subject"));
    Role publishers = role(tree, "publishers", 1, 1);
    Role subscribers =
        role(tree, "subscribers", kind == WorkloadKind.FAN_OUT ? 1 : 0, minSubscribers(kind));
    Role clients = role(tree, "clients", 1, 1);
    ServiceSpec service = service(tree, kind);
    NodeChoice membersOn = membersOn(tree, kind);
    Rate rate = LoadScenarioFiles.rate(tree.required("rate"));
    OptionalLong messages =
        tree.optional("messages").map(LoadScenarioFiles::count).orElse(OptionalLong.empty());
    int payload = tree.optional("payload").map(LoadScenarioFiles::bytes).orElse(128);
    Duration warmup = duration(tree, "warmup", DEFAULT_WARMUP, true);
    Duration duration = duration(tree, "duration", DEFAULT_DURATION, false);
    Duration timeout = duration(tree, "request-timeout", DEFAULT_REQUEST_TIMEOUT, false);
    ClientKind client = client(tree);
    try {
      Role senders = kind == WorkloadKind.REQUEST_REPLY ? clients : publishers;
      return new Workload(
          kind,
          subject,
          new Senders(senders.count(), rate, messages, payload),
          new Receivers(subscribers.count(), service),
          new Placement(senders.on(), subscribers.on(), membersOn),
          new Timing(warmup, duration, timeout),
          client);
    } catch (IllegalArgumentException e) {
      throw tree.error(e.getMessage());
    }
  }

  private static int minSubscribers(WorkloadKind kind) {
    return kind == WorkloadKind.FAN_OUT ? 1 : 0;
  }

  /** A field that only another kind uses is a mistake worth naming, not something to ignore. */
  private static void rejectFieldsOtherKindsUse(YamlTree tree, WorkloadKind kind) {
    boolean requestReply = kind == WorkloadKind.REQUEST_REPLY;
    for (String publisherField : new String[] {"publishers", "subscribers"}) {
      if (requestReply && tree.optional(publisherField).isPresent()) {
        throw tree.required(publisherField)
            .error("only applies to fan-out and queue-fan-out; request-reply uses clients");
      }
    }
    if (!requestReply && tree.optional("clients").isPresent()) {
      throw tree.required("clients")
          .error("only applies to request-reply; " + kind.fileName() + " uses publishers");
    }
    if (!requestReply && tree.optional("request-timeout").isPresent()) {
      throw tree.required("request-timeout").error("only applies to request-reply");
    }
    if (kind == WorkloadKind.FAN_OUT && tree.optional("service").isPresent()) {
      throw tree.required("service")
          .error("only applies to request-reply and queue-fan-out; fan-out uses subscribers");
    }
  }

  private static ServiceSpec service(YamlTree tree, WorkloadKind kind) {
    if (kind == WorkloadKind.FAN_OUT) {
      return new ServiceSpec("unused", 1);
    }
    YamlTree spec = tree.required("service");
    spec.allowOnly("queue", "members", "on");
    String queue = spec.optional("queue").map(YamlTree::asName).orElse("workers");
    int members = spec.required("members").asInt(1, 1000);
    return new ServiceSpec(queue, members);
  }

  /** A count of connections and where they sit. */
  private record Role(int count, NodeChoice on) {}

  /** {@code publishers: 2}, or {@code publishers: { count: 2, on: east }}. */
  private static Role role(YamlTree tree, String key, int fallback, int min) {
    Optional<YamlTree> field = tree.optional(key);
    if (field.isEmpty()) {
      return new Role(fallback, NodeChoice.spread());
    }
    if (field.get().isScalar()) {
      return new Role(field.get().asInt(min, 1000), NodeChoice.spread());
    }
    YamlTree spec = field.get().allowOnly("count", "on");
    int count = spec.optional("count").map(v -> v.asInt(min, 1000)).orElse(fallback);
    return new Role(
        count, spec.optional("on").map(WorkloadParser::nodeChoice).orElse(NodeChoice.spread()));
  }

  private static NodeChoice membersOn(YamlTree tree, WorkloadKind kind) {
    if (kind == WorkloadKind.FAN_OUT) {
      return NodeChoice.spread();
    }
    return tree.required("service")
        .optional("on")
        .map(WorkloadParser::nodeChoice)
        .orElse(NodeChoice.spread());
  }

  /**
   * {@code on: east}, {@code on: [1, 2]} or {@code on: spread}; checked against a topology later.
   */
  static NodeChoice nodeChoice(YamlTree field) {
    List<String> references = TopologyFiles.references(field);
    try {
      return new NodeChoice(references, Optional.of(FieldSource.of(field)));
    } catch (IllegalArgumentException e) {
      throw field.error(e.getMessage());
    }
  }

  private static ClientKind client(YamlTree tree) {
    Optional<YamlTree> field = tree.optional("client");
    if (field.isEmpty()) {
      return ClientKind.WIRE;
    }
    return ClientKind.fromFileName(field.get().asChoice(ClientKind.fileNames()));
  }

  private static String subject(YamlTree field) {
    String subject = field.asString();
    if (!subject.matches("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*")) {
      throw field.error(
          "must be a literal subject of dot-separated tokens without wildcards or spaces, such as"
              + " svc.orders.create, was '"
              + subject
              + "'");
    }
    return subject;
  }

  private static Duration duration(YamlTree tree, String key, Duration fallback, boolean zeroOk) {
    Optional<YamlTree> field = tree.optional(key);
    if (field.isEmpty()) {
      return fallback;
    }
    Duration value = field.get().asDuration();
    if (!zeroOk && value.isZero()) {
      throw field.get().error("must be longer than 0, such as 10s");
    }
    return value;
  }
}
