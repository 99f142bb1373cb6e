package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lesson 6's {@code :run} on a config.json the learner broke: it once crashed the shell with a
 * ClassCastException in JsonEditor.insert (issue 10); now one line says what is wrong and which
 * step of the course makes the file again.
 */
@Timeout(60)
class RunEditTest {

  @TempDir Path root;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | is empty, not a JSON object",
        "[] | holds `[]`, not a JSON object",
        "null | holds `null`, not a JSON object",
      })
  void aBrokenConfigGetsOneLineAndTheShellGoesOn(String document, String problem) throws Exception {
    ShellHarness shell = new ShellHarness(root, TestPaths.project().resolve("lessons/rootless"));
    Files.createDirectories(shell.lab.resolve("busybox-bundle"));
    Files.writeString(shell.lab.resolve("busybox-bundle/config.json"), document);
    shell.run(":open 6\n:run\necho still-here-$((1+1))\n");
    String out = shell.output();
    String unwrapped = out.replaceAll("\\n +", " ");
    assertTrue(
        unwrapped.contains(
            "FAIL cannot edit: busybox-bundle/config.json "
                + problem
                + ". Remove it (rm busybox-bundle/config.json) and make it again with `runc spec"
                + " --rootless -b busybox-bundle` (lesson 3, step 1), then :run here again."),
        out);
    assertTrue(out.contains("still-here-2"), "the shell went on:\n" + out);
    assertFalse(out.contains("Exception"), out);
  }
}
