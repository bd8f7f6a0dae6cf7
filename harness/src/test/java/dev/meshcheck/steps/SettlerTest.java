package dev.meshcheck.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlerTest {
  @Test
  void wildcardTokensBecomeLiteralTokensThePatternMatches() {
    assertThat(Settler.literal("app.*.save")).isEqualTo("app.meshcheck-marker.save");
    assertThat(Settler.literal("app.>")).isEqualTo("app.meshcheck-marker");
    assertThat(Settler.literal("app.rooms.save")).isEqualTo("app.rooms.save");
  }

  @Test
  void payloadsRoundTrip() {
    assertThat(Payloads.asTraffic(Payloads.traffic("p1", 7)))
        .hasValue(new Payloads.Traffic("p1", 7));
    assertThat(Payloads.asMarker(Payloads.marker("abc"))).hasValue("abc");
    assertThat(Payloads.asReply(Payloads.reply("orders#1", "2", "east")))
        .hasValue(new ServiceReply("orders#1", "2", "east"));
    assertThat(Payloads.asTraffic("hello".getBytes())).isEmpty();
  }
}
