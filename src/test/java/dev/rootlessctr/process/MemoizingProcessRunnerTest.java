package dev.rootlessctr.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoizingProcessRunnerTest {

  @Test
  void aRepeatedCommandRunsOnceAndADifferentOneRunsAgain() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ProcessRunner counting =
        (argv, dir, env, timeout) ->
            new Captured(argv, 0, "run " + runs.incrementAndGet(), "", false);
    MemoizingProcessRunner memo = new MemoizingProcessRunner(counting);
    List<String> state = List.of("runc", "state", "myctr");
    assertEquals("run 1", memo.run(state, Path.of("/"), Map.of(), Duration.ofSeconds(1)).stdout());
    assertEquals("run 1", memo.run(state, Path.of("/"), Map.of(), Duration.ofSeconds(1)).stdout());
    assertEquals(
        "run 2",
        memo.run(List.of("runc", "list"), Path.of("/"), Map.of(), Duration.ofSeconds(1)).stdout());
    assertEquals(2, runs.get());
  }

  @Test
  void aTimedOutRunIsNotRemembered() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ProcessRunner slow =
        (argv, dir, env, timeout) -> new Captured(argv, -1, "", "", runs.incrementAndGet() == 1);
    MemoizingProcessRunner memo = new MemoizingProcessRunner(slow);
    memo.run(List.of("runc"), Path.of("/"), Map.of(), Duration.ofSeconds(1));
    memo.run(List.of("runc"), Path.of("/"), Map.of(), Duration.ofSeconds(1));
    assertEquals(2, runs.get());
  }
}
