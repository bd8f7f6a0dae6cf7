package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> TOPOLOGY_KEYS =
      List.of("name", "clusters", "gateways", "leafnodes", "jetstream", "include", "roles", "tls");

  @Test
  void aSlipOfOneOrTwoLettersSuggestsTheFieldMeant() {
    assertThat(Suggestions.nearest("cluster", TOPOLOGY_KEYS)).contains("clusters");
    assertThat(Suggestions.nearest("gatewyas", TOPOLOGY_KEYS)).as("a swap").contains("gateways");
    assertThat(Suggestions.nearest("JetStream", TOPOLOGY_KEYS)).contains("jetstream");
    assertThat(Suggestions.nearest("inclde", TOPOLOGY_KEYS)).contains("include");
  }

  @Test
  void aWordNothingLikeAnyFieldSuggestsNothing() {
    assertThat(Suggestions.nearest("owner", TOPOLOGY_KEYS)).isEmpty();
    assertThat(Suggestions.nearest("x", TOPOLOGY_KEYS)).as("too short to guess").isEmpty();
    assertThat(Suggestions.nearest("tl", TOPOLOGY_KEYS)).isEmpty();
  }
}
