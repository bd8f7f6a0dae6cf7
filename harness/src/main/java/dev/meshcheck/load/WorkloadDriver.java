package dev.meshcheck.load;

import dev.meshcheck.load.transport.MessageSender;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The connections and bookkeeping of one workload on a running mesh: receivers (service members or
 * subscribers) record completions into the run's recorders; senders are driven by {@link
 * SendLoop}s. Created connected; closing it closes every connection it opened.
 */
interface WorkloadDriver extends AutoCloseable {
  /** Sends probes until every receiver is reachable; throws when {@code timeout} passes first. */
  void awaitReady(Duration timeout) throws InterruptedException;

  /** Called once before the first send, with the run's phases. */
  void begin(RunPhases phases);

  /** The client call that hands sender {@code senderIndex}'s payloads to the mesh. */
  MessageSender senderFor(int senderIndex);

  /** For closed-loop request-reply, the permits a reply releases; empty otherwise. */
  Optional<Semaphore> completionsFor(int senderIndex);

  /**
   * Waits up to {@code timeout} for what is still in flight, then settles the count of what never
   * arrived (timeouts) given what each sender sent in the measured phase.
   */
  void drain(long[] measuredSentBySender, Duration timeout) throws InterruptedException;

  DriverReport report(long[] measuredSentBySender);

  /**
   * Closes the senders' connections, so that a sender blocked in a socket write (a frozen server
   * stops reading) returns; receivers stay open for the report.
   */
  void closeSenders();

  @Override
  void close();
}
