package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --record} in a real pseudo-terminal as the unprivileged user: the asciicast parses as
 * asciinema reads it and holds both the shell's own text and a command's output, which reaches the
 * terminal from the command's own pseudo-terminal.
 */
@Timeout(120)
class RecordingIT {

  private static Path stage;

  @BeforeAll
  static void stage() throws Exception {
    stage = Staging.stageProgram();
  }

  @Test
  void aTypedSessionIsRecordedAsAnAsciicastThatParses() throws Exception {
    Path home = Staging.userDir("rctr-cast-");
    Path cast = home.resolve("session.cast");
    Duration wait = Duration.ofSeconds(20);
    Map<String, String> env =
        Map.of(
            "XDG_STATE_HOME",
            home.resolve("state").toString(),
            "XDG_CACHE_HOME",
            home.resolve("cache").toString(),
            "LANG",
            "C.UTF-8");
    try (PtySession shell =
        PtySession.start(
            Staging.asTestUser(),
            env,
            stage.resolve("rootless-ctr")
                + " --lessons "
                + stage.resolve("fixture")
                + " --lab "
                + home.resolve("lab")
                + " --record "
                + cast)) {
      shell.await("$ ", wait);
      // The output differs from the typed line, so only the command's output can contain it.
      shell.type("echo recorded-$((6*7))\r");
      shell.await("recorded-42", wait);
      shell.await("$ ", wait);
      shell.type(":quit\r");
      assertEquals(0, shell.waitFor(wait), shell.all());
      assertTrue(shell.all().contains("Recording saved: " + cast), shell.all());
    }
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(cast);
    JsonNode header = json.readTree(lines.get(0));
    assertEquals(2, header.path("version").asInt(), lines.get(0));
    assertTrue(header.path("width").asInt() > 0 && header.path("height").asInt() > 0, lines.get(0));
    assertTrue(header.path("timestamp").asLong() > 1_700_000_000L, lines.get(0));
    double last = 0;
    StringBuilder played = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      JsonNode event = json.readTree(line);
      assertEquals("o", event.get(1).asText(), line);
      assertTrue(event.get(0).asDouble() >= last, "time went back at " + line);
      last = event.get(0).asDouble();
      played.append(event.get(2).asText());
    }
    String text = PtySession.plain(played.toString());
    assertTrue(text.contains("Step 1/3: Make a directory"), text); // the shell's own text
    assertTrue(text.contains("echo recorded-$((6*7))"), text); // the line as typed (its echo)
    assertTrue(text.contains("recorded-42"), text); // the command's output
    assertTrue(text.indexOf("recorded-42") > text.indexOf("echo recorded-$((6*7))"), text);
    playsInAsciinema(cast);
    Staging.run("rm", "-rf", "--one-file-system", home.toString()); // kept only after a failure
  }

  /** asciinema itself reads the file back, where it is installed (run-tests installs it). */
  private static void playsInAsciinema(Path cast) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/asciinema"))) {
      return;
    }
    // asciinema cat insists on a terminal; script(1) gives it one. The path is this test's own.
    Process cat =
        new ProcessBuilder("script", "-qec", "asciinema cat " + cast, "/dev/null")
            .redirectErrorStream(true)
            .start();
    String played =
        new String(cat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, cat.waitFor(), played);
    assertTrue(played.contains("recorded-42"), played);
  }
}
