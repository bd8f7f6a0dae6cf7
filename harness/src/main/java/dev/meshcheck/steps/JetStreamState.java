package dev.meshcheck.steps;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams a scenario created, deleted when the scenario ends so that a reused mesh starts
 * clean. Not thread-safe: steps run on one thread.
 */
public final class JetStreamState implements AutoCloseable {
  private final Clients clients;
  private final List<String> streams = new ArrayList<>();
  private final java.util.Map<String, String> firstSubjectByStream = new java.util.HashMap<>();

  public JetStreamState(Clients clients) {
    this.clients = clients;
  }

  void createStream(String name, String subjects) throws IOException, JetStreamApiException {
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(name)
            .subjects(subjects.trim().split("\\s+"))
            .storageType(StorageType.Memory)
            .replicas(1)
            .build();
    management().addStream(config);
    streams.add(name);
    firstSubjectByStream.put(name, config.getSubjects().get(0));
  }

  /** The first subject a stream of this scenario captures. */
  String firstSubject(String stream) {
    String subject = firstSubjectByStream.get(stream);
    if (subject == null) {
      throw new IllegalArgumentException(
          "no stream '"
              + stream
              + "' in this scenario; add Given a stream \""
              + stream
              + "\" capturing \"...\"");
    }
    return subject;
  }

  JetStreamManagement management() throws IOException {
    return clients.shared(ClientSpec.on("1")).connection().jetStreamManagement();
  }

  long storedMessages(String stream) throws IOException, JetStreamApiException {
    return management().getStreamInfo(stream).getStreamState().getMsgCount();
  }

  @Override
  public void close() throws IOException {
    for (String stream : streams) {
      try {
        management().deleteStream(stream);
      } catch (JetStreamApiException e) {
        // Already gone: nothing to clean.
      }
    }
    streams.clear();
  }
}
