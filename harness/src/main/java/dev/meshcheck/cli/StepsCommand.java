package dev.meshcheck.cli;

import dev.meshcheck.steps.StepCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code meshcheck steps}: prints every Gherkin step the glue defines, with its pattern and an
 * example, grouped by area. Read from the step classes, so it always matches what runs.
 */
@Command(
    name = "steps",
    mixinStandardHelpOptions = true,
    description = "List every conformance step with its pattern and an example, by area.")
final class StepsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<StepCatalog.Entry> entries = StepCatalog.load();
    String area = "";
    for (StepCatalog.Entry entry : entries) {
      if (!entry.area().equals(area)) {
        area = entry.area();
        out.printf("%n## %s%n", area);
      }
      out.printf("  %s %s%n", entry.keyword(), entry.pattern());
      if (!entry.example().isEmpty()) {
        out.printf("      e.g. %s%n", entry.example());
      }
    }
    out.printf(
        "%n{node} is a node number (2) or name (west-1); {string} is double-quoted; {int} a whole"
            + " number.%n");
    out.flush();
    return ExitCodes.OK;
  }
}
