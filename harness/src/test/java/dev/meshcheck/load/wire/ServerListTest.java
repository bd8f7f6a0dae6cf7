package dev.meshcheck.load.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a wire connection goes when its server is lost. */
class ServerListTest {
  @Test
  void aLostServerIsTriedLastAfterTheOthersStartingWithTheNextOne() {
    ServerList servers = new ServerList("nats://127.0.0.1:4001");
    servers.learn(List.of("127.0.0.1:4002", "127.0.0.1:4003"));
    assertThat(servers.candidatesAfter("nats://127.0.0.1:4002"))
        .as("the lost node's connections spread from the next node on, the lost one last")
        .containsExactly("nats://127.0.0.1:4003", "nats://127.0.0.1:4001", "nats://127.0.0.1:4002");
  }

  @Test
  void advertisedServersGetTheCredentialsOfTheGivenUrlAndAreLearntOnce() {
    ServerList servers = new ServerList("nats://bob:s%3Dcret@10.0.0.1:4222");
    servers.learn(List.of("10.0.0.2:4222", "10.0.0.1:4222"));
    servers.learn(List.of("10.0.0.2:4222"));
    assertThat(servers.candidatesAfter("nats://bob:s%3Dcret@10.0.0.1:4222"))
        .containsExactly("nats://bob:s%3Dcret@10.0.0.2:4222", "nats://bob:s%3Dcret@10.0.0.1:4222");
  }

  @Test
  void theServersListedInAnInfoAreItsConnectUrls() {
    String info =
        "{\"server_id\":\"x\",\"connect_urls\":[\"127.0.0.1:4002\",\"[::1]:4003\"],\"ldm\":false}";
    assertThat(WireConnection.advertisedUrls(info)).containsExactly("127.0.0.1:4002", "[::1]:4003");
    assertThat(WireConnection.advertisedUrls("{\"server_id\":\"x\"}"))
        .as("a lone server")
        .isEmpty();
    assertThat(WireConnection.advertisedUrls("not json")).as("a malformed INFO").isEmpty();
  }
}
