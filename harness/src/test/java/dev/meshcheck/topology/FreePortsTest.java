package dev.meshcheck.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where the listening ports of a processes mesh come from. */
class FreePortsTest {
  @Test
  void portsComeFromBelowTheEphemeralRangeWhereThereIsRoom() {
    assertThat(FreePorts.outside(32768, 60999, 15)).containsExactly(10_000, 32767);
    assertThat(FreePorts.outside(10_050, 60999, 15))
        .as("no room below: above")
        .containsExactly(61000, 65535);
    assertThat(FreePorts.outside(10_050, 65_500, 15))
        .as("no room on either side: any port the kernel gives")
        .containsExactly(0, 0);
  }

  @Test
  void distinctFreePortsOutsideTheEphemeralRangeOfThisMachine() throws IOException {
    int[] ports = FreePorts.onLoopback(20);

    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    if (Files.isReadable(range)) {
      String[] bounds = FreePorts.readProcFile(range).trim().split("\\s+");
      int low = Integer.parseInt(bounds[0]);
      int high = Integer.parseInt(bounds[1]);
      assertThat(Arrays.stream(ports).boxed()).allMatch(p -> p < low || p > high);
    }
    for (int port : ports) {
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(free.getLocalPort()).as("free again once released").isEqualTo(port);
      }
    }
  }
}
