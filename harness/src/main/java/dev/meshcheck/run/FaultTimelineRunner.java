package dev.meshcheck.run;

import dev.meshcheck.load.Clock;
import dev.meshcheck.load.PhaseListener;
import dev.meshcheck.load.RunPhases;
import dev.meshcheck.result.FaultEvent;
import dev.meshcheck.scenario.FaultStep;
import dev.meshcheck.topology.MeshNode;
import dev.meshcheck.topology.RunningMesh;
import dev.meshcheck.topology.faults.LinkFault;
import dev.meshcheck.topology.faults.LinkFaultKind;
import dev.meshcheck.topology.faults.LinkFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Applies a scenario's fault timeline to a running mesh on the load run's own clock: each step at
 * the start of the measured phase plus its {@code at}, one after another on a thread of its own,
 * recording each as a {@link FaultEvent} with the time it was actually applied. A step that fails
 * is recorded with its problem and the timeline goes on. Steps still pending when the senders are
 * done are not applied. Thread-safe; {@link #events()} once the run is over.
 */
final class FaultTimelineRunner implements PhaseListener {
  /** A restart waits for the node to rejoin; this bounds how long the run's end waits for it. */
  private static final long JOIN_MILLIS = 60_000;

  private final List<FaultStep> steps;
  private final RunningMesh mesh;
  private final Clock clock;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<FaultEvent> events = new ArrayList<>();
  private Thread thread;

  FaultTimelineRunner(List<FaultStep> steps, RunningMesh mesh, Clock clock) {
    this.steps = List.copyOf(steps);
    this.mesh = mesh;
    this.clock = clock;
  }

  @Override
  public void phasesFixed(RunPhases phases) {
    if (steps.isEmpty()) {
      return;
    }
    thread = new Thread(() -> applyAll(phases.measureStartNanos()), "meshcheck-faults");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void sendersDone() {
    stop.countDown();
    if (thread != null) {
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  synchronized List<FaultEvent> events() {
    return List.copyOf(events);
  }

  private void applyAll(long measureStartNanos) {
    for (FaultStep step : steps) {
      long due = measureStartNanos + step.at().toNanos();
      if (!awaitDue(due)) {
        return;
      }
      long began = clock.nanoTime();
      Optional<String> problem = Optional.empty();
      try {
        apply(step);
      } catch (RuntimeException e) {
        problem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      long ended = clock.nanoTime();
      record(
          new FaultEvent(
              step.describe(),
              step.at().toNanos() / 1e9,
              (began - measureStartNanos) / 1e9,
              (ended - began) / 1e6,
              problem));
    }
  }

  /** Waits until {@code dueNanos}; false when the run ended first. */
  private boolean awaitDue(long dueNanos) {
    try {
      long remaining;
      while ((remaining = dueNanos - clock.nanoTime()) > 0) {
        if (stop.await(remaining, TimeUnit.NANOSECONDS)) {
          return false;
        }
      }
      return stop.getCount() > 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private synchronized void record(FaultEvent event) {
    events.add(event);
  }

  private void apply(FaultStep step) {
    LinkFaults faults = mesh.linkFaults();
    switch (step.action()) {
      case KILL -> node(step).kill();
      case PAUSE -> node(step).pause();
      case RESUME -> node(step).resume();
      case RESTART -> node(step).restart();
      case LAME_DUCK -> node(step).enterLameDuckMode();
      case PARTITION -> faults.partition(FaultPlan.link(step));
      case HEAL -> faults.heal(FaultPlan.link(step));
      case RESET -> faults.reset(FaultPlan.link(step));
      case LATENCY -> {
        if (step.latency().isPresent()) {
          faults.apply(
              FaultPlan.link(step), LinkFault.latency(step.latency().get(), step.jitter()));
        } else {
          faults.clear(FaultPlan.link(step), LinkFaultKind.LATENCY);
        }
      }
    }
  }

  private MeshNode node(FaultStep step) {
    return mesh.node(step.node().orElseThrow());
  }
}
