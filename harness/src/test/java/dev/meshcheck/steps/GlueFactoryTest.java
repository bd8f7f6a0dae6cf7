package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshcheck.report.ConformanceRecorder;
import dev.meshcheck.scenario.ProjectLayout;
import dev.meshcheck.topology.Backend;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GlueFactoryTest {
  private final RunSettings settings =
      RunSettings.of(Backend.PROCESSES, new ProjectLayout(Path.of(".")));
  private final MeshPool pool = new MeshPool(settings);

  /** Counts closes across the parts of one scenario, so their order can be checked. */
  public static final class CloseOrder {
    final AtomicInteger closes = new AtomicInteger();
  }

  public static final class Lower implements AutoCloseable {
    final CloseOrder order;
    int closedAs;

    public Lower(CloseOrder order) {
      this.order = order;
    }

    @Override
    public void close() {
      closedAs = order.closes.incrementAndGet();
    }
  }

  public static final class Upper implements AutoCloseable {
    final Lower lower;
    final MeshPool pool;
    int closedAs;

    public Upper(Lower lower, MeshPool pool) {
      this.lower = lower;
      this.pool = pool;
    }

    @Override
    public void close() {
      closedAs = lower.order.closes.incrementAndGet();
    }
  }

  private GlueFactory factory() {
    GlueFactory factory = new GlueFactory(settings, pool, ConformanceRecorder.discarding());
    factory.addClass(Upper.class);
    return factory;
  }

  @Test
  void partsAreSharedWithinAScenarioAndNewInTheNext() {
    GlueFactory factory = factory();

    factory.start();
    Upper first = factory.getInstance(Upper.class);
    Lower firstLower = factory.getInstance(Lower.class);
    factory.stop();
    factory.start();
    Upper second = factory.getInstance(Upper.class);
    factory.stop();

    assertThat(first.lower).as("one part per scenario, whoever asks").isSameAs(firstLower);
    assertThat(second).as("a new scenario gets new parts").isNotSameAs(first);
    assertThat(second.pool)
        .as("the run's pool is the one given")
        .isSameAs(pool)
        .isSameAs(first.pool);
  }

  @Test
  void partsCloseInReverseOfTheirMaking() {
    GlueFactory factory = factory();
    factory.start();
    Upper upper = factory.getInstance(Upper.class);

    factory.stop();

    assertThat(upper.closedAs).as("the part that uses another closes first").isEqualTo(1);
    assertThat(upper.lower.closedAs).as("the part it uses closes after it").isEqualTo(2);
  }

  @Test
  void twoRunsInOneJvmKeepTheirOwnSettings() {
    RunSettings other = RunSettings.of(Backend.CONTAINERS, new ProjectLayout(Path.of(".")));
    GlueFactory mine = factory();
    GlueFactory theirs =
        new GlueFactory(other, new MeshPool(other), ConformanceRecorder.discarding());
    theirs.addClass(Upper.class);

    mine.start();
    theirs.start();

    assertThat(mine.getInstance(Upper.class).pool).isSameAs(pool);
    assertThat(theirs.getInstance(Upper.class).pool).as("each run has its pool").isNotSameAs(pool);
    mine.stop();
    theirs.stop();
  }
}
