package dev.rootlessctr.cast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CastWriterTest {

  /** Parses an asciicast v2 text the way a player does; fails on anything out of shape. */
  static List<JsonNode> parse(String cast) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = cast.lines().toList();
    JsonNode header = json.readTree(lines.get(0));
    assertEquals(2, header.path("version").asInt(), "version");
    assertTrue(header.path("width").asInt() > 0 && header.path("height").asInt() > 0, "size");
    assertTrue(header.path("timestamp").isIntegralNumber(), "timestamp");
    double last = 0;
    List<JsonNode> events = new java.util.ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      JsonNode event = json.readTree(line);
      assertTrue(
          event.isArray()
              && event.size() == 3
              && event.get(0).isNumber()
              && event.get(2).isTextual(),
          line);
      assertEquals("o", event.get(1).asText());
      assertTrue(event.get(0).asDouble() >= last, "time goes back at " + line);
      last = event.get(0).asDouble();
      events.add(event);
    }
    return events;
  }

  @Test
  void aRecordingParsesWithMonotonicTimesAndTheTextKeptWhole() throws Exception {
    StringWriter file = new StringWriter();
    AtomicLong clock = new AtomicLong(1_000_000_000L);
    CastWriter cast =
        new CastWriter(
            file,
            120,
            40,
            Instant.ofEpochSecond(1796139485),
            Map.of("TERM", "xterm-256color"),
            clock::get);
    clock.addAndGet(250_000_000L);
    cast.output("$ echo \"h\u00e9\" \u2714\r\n");
    clock.addAndGet(-100_000_000L); // a clock step back must not make time go back
    cast.output("\u001b[1mbold\u001b[0m");
    cast.output("");
    List<JsonNode> events = parse(file.toString());
    assertEquals(2, events.size());
    assertEquals(0.25, events.get(0).get(0).asDouble());
    assertEquals("$ echo \"h\u00e9\" \u2714\r\n", events.get(0).get(2).asText());
    assertEquals(0.25, events.get(1).get(0).asDouble());
    assertTrue(
        file.toString()
            .startsWith("{\"version\":2,\"width\":120,\"height\":40,\"timestamp\":1796139485,"),
        file.toString());
  }

  @Test
  void aUtf8CharacterSplitAcrossTwoWritesIsRecordedWhole() throws Exception {
    StringWriter file = new StringWriter();
    CastWriter cast = new CastWriter(file, 80, 24, Instant.now(), Map.of(), System::nanoTime);
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    var tee = CastTee.stream(terminal, cast);
    byte[] check = "ok \u2714".getBytes(StandardCharsets.UTF_8);
    tee.write(check, 0, check.length - 1);
    tee.write(check, check.length - 1, 1);
    assertEquals("ok \u2714", terminal.toString(StandardCharsets.UTF_8));
    StringBuilder recorded = new StringBuilder();
    parse(file.toString()).forEach(e -> recorded.append(e.get(2).asText()));
    assertEquals("ok \u2714", recorded.toString());
  }
}
