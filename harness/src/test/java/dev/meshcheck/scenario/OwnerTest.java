package dev.meshcheck.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whether the JVM that left something behind still runs. */
class OwnerTest {
  @Test
  void theCurrentJvmIsAliveAndAReusedPidIsNot() {
    Owner self = Owner.currentJvm();
    assertThat(self.isAlive()).isTrue();
    assertThat(new Owner(self.pid(), self.startMillis() - 60_000).isAlive())
        .as("the same pid, started a minute earlier: another process that had the pid before")
        .isFalse();
  }

  @Test
  void aPidThatDoesNotRunIsNotAlive() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    assertThat(new Owner(exited.pid(), System.currentTimeMillis()).isAlive()).isFalse();
  }

  @Test
  void readsBackWhatItWritesAndRefusesTheRest() {
    Owner self = Owner.currentJvm();
    assertThat(Owner.parse(self.toString())).contains(self);
    assertThat(Owner.parse(" 12@34\n")).contains(new Owner(12, 34));
    assertThat(Owner.parse("12")).isEmpty();
    assertThat(Owner.parse("x@y")).isEmpty();
  }
}
