package dev.meshcheck.scenario;

import java.time.Duration;
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
    int publishers = intOr(tree, "publishers", 1, 1, 1000);
    int subscribers =
        intOr(
            tree, "subscribers", kind == WorkloadKind.FAN_OUT ? 1 : 0, minSubscribers(kind), 1000);
    int clients = intOr(tree, "clients", 1, 1, 1000);
    ServiceSpec service = service(tree, kind);
    Rate rate = LoadScenarioFiles.rate(tree.required("rate"));
    OptionalLong messages =
        tree.optional("messages").map(LoadScenarioFiles::count).orElse(OptionalLong.empty());
    int payload = tree.optional("payload").map(LoadScenarioFiles::bytes).orElse(128);
    Duration warmup = duration(tree, "warmup", DEFAULT_WARMUP, true);
    Duration duration = duration(tree, "duration", DEFAULT_DURATION, false);
    Duration timeout = duration(tree, "request-timeout", DEFAULT_REQUEST_TIMEOUT, false);
    ClientKind client = client(tree);
    try {
      int senders = kind == WorkloadKind.REQUEST_REPLY ? clients : publishers;
      return new Workload(
          kind,
          subject,
          new Senders(senders, rate, messages, payload),
          new Receivers(subscribers, service),
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
    spec.allowOnly("queue", "members");
    String queue = spec.optional("queue").map(YamlTree::asName).orElse("workers");
    int members = spec.required("members").asInt(1, 1000);
    return new ServiceSpec(queue, members);
  }

  private static ClientKind client(YamlTree tree) {
    Optional<YamlTree> field = tree.optional("client");
    if (field.isEmpty()) {
      return ClientKind.JNATS;
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

  private static int intOr(YamlTree tree, String key, int fallback, int min, int max) {
    return tree.optional(key).map(v -> v.asInt(min, max)).orElse(fallback);
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
