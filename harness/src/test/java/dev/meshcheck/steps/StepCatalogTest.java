package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepCatalogTest {
  @Test
  void everyStepOfTheGlueIsListedWithAnExample() {
    List<StepCatalog.Entry> entries = StepCatalog.load();

    assertThat(entries).as("steps found on the class path").hasSizeGreaterThan(30);
    assertThat(entries)
        .as("every step carries an @Example")
        .allSatisfy(e -> assertThat(e.example()).as(e.pattern()).isNotBlank());
    assertThat(entries)
        .extracting(StepCatalog.Entry::pattern)
        .contains(
            "a {string} mesh",
            "a subscriber {string} on node {node} listening to {string}",
            "node {node} is killed",
            "every member of {string} receives between {int}% and {int}% of the requests",
            "within {int} seconds all clients are reconnected");
  }

  @Test
  void anExampleStartsWithItsKeyword() {
    assertThat(StepCatalog.load())
        .allSatisfy(e -> assertThat(e.example()).startsWith(e.keyword() + " "));
  }
}
