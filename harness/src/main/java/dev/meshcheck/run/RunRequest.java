package dev.meshcheck.run;

import dev.meshcheck.load.LoadProgress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request to run a scenario.
 *
 * @param runId the run's name in reports, such as {@code 20261202-101500-rr}
 * @param outDir where the run's interval log goes while it runs (the caller writes the rest)
 * @param progress told about each second of the run
 * @param stop set from any thread (Ctrl-C) to stop sending; the run then ends as partial
 */
public record RunRequest(String runId, Path outDir, LoadProgress progress, AtomicBoolean stop) {}
