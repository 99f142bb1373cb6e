package dev.rootlessctr.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runc list and state, read once for probes and lab alike, with a runc that answers on cue. */
class RuncReaderTest {

  @TempDir Path root;

  private final List<List<String>> asked = new ArrayList<>();

  private RuncReader answering(int status, String stdout, String stderr, boolean timedOut) {
    ProcessRunner runc =
        (argv, dir, env, timeout) -> {
          asked.add(argv);
          return new Captured(argv, status, stdout, stderr, timedOut);
        };
    return new RuncReader("runc", root, runc, root, Map.of(), Duration.ofSeconds(5));
  }

  @Test
  void aMissingRootListsNothingWithoutAskingRunc() throws Exception {
    RuncReader reader =
        new RuncReader(
            "runc",
            root.resolve("missing"),
            (argv, dir, env, t) -> {
              throw new AssertionError("runc list would create " + argv.get(2));
            },
            root,
            Map.of(),
            Duration.ofSeconds(5));
    assertEquals(List.of(), reader.list());
    assertTrue(Files.notExists(root.resolve("missing")));
  }

  @Test
  void listReadsRuncsJsonAndItsNullForNone() throws Exception {
    String json =
        "[{\"ociVersion\":\"1.0.2\",\"id\":\"c1\",\"pid\":42,\"status\":\"running\","
            + "\"bundle\":\"/lab/b\",\"rootfs\":\"/lab/b/rootfs\",\"created\":\"2026-12-01T14:00:00Z\"}]";
    assertEquals(
        List.of(
            new RuncState("c1", 42, "running", "/lab/b", "/lab/b/rootfs", "2026-12-01T14:00:00Z")),
        answering(0, json, "", false).list());
    assertEquals(
        List.of("runc", "--root", root.toString(), "list", "--format", "json"), asked.get(0));
    assertEquals(List.of(), answering(0, "null\n", "", false).list());
  }

  @Test
  void failuresCarryRuncsOwnWordsAndTimeoutsSaySo() {
    RuncException refused =
        assertThrows(
            RuncException.class,
            () ->
                answering(
                        1,
                        "",
                        "time=\"x\" level=error msg=\"container \\\"c9\\\" does not exist\"\n",
                        false)
                    .state("c9"));
    assertEquals("container \"c9\" does not exist", refused.getMessage());
    RuncException slow =
        assertThrows(RuncException.class, () -> answering(-1, "", "", true).list());
    assertTrue(slow.timedOut());
    assertEquals("runc list did not answer within 5 s", slow.getMessage());
  }

  @Test
  void outputThatIsNotJsonIsSaidNotGuessed() {
    RuncException garbled =
        assertThrows(RuncException.class, () -> answering(0, "{not json", "", false).list());
    assertTrue(
        garbled.getMessage().startsWith("the output of runc list is not valid JSON"),
        garbled.getMessage());
  }
}
