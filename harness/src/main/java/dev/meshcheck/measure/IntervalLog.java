package dev.meshcheck.measure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * A {@code .hlog} file of tagged interval histograms (values in nanoseconds), readable by
 * HdrHistogram's {@code HistogramLogReader} and {@code HistogramLogProcessor}. Thread-safe; the
 * caller closes it.
 */
public final class IntervalLog implements AutoCloseable {
  private final PrintStream out;
  private final HistogramLogWriter writer;
  private final long startMillis;

  /**
   * @param startMillis epoch milliseconds of the run's start; interval times are relative to it
   */
  public IntervalLog(Path file, long startMillis, String comment) throws IOException {
    OutputStream stream = Files.newOutputStream(file);
    this.out = new PrintStream(stream, false, java.nio.charset.StandardCharsets.UTF_8);
    this.writer = new HistogramLogWriter(out);
    this.startMillis = startMillis;
    writer.outputLogFormatVersion();
    writer.outputComment(comment);
    writer.outputComment("values are nanoseconds; tags: latency, service-time, send-delay");
    writer.outputStartTime(startMillis);
    writer.setBaseTime(startMillis);
    writer.outputLegend();
  }

  /** Writes one interval; the histogram's start/end timestamps must be set (epoch millis). */
  public synchronized void write(String tag, Histogram interval) {
    interval.setTag(tag);
    writer.outputIntervalHistogram(interval);
  }

  public long startMillis() {
    return startMillis;
  }

  @Override
  public synchronized void close() {
    out.flush();
    writer.close();
  }
}
