package dev.rootlessctr.cast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes an asciicast v2 file: a header line, then one {@code [seconds, "o", text]} line per piece
 * of output. Times come from a monotonic clock and never go back, so a player keeps the order.
 * Writing is best effort: a full disk stops the recording (and says so once), never the shell.
 */
public final class CastWriter implements Closeable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer file;
  private final LongSupplier nanos;
  private final long start;
  private double last;
  private IOException failed;

  CastWriter(
      Writer file,
      int width,
      int height,
      Instant startedAt,
      Map<String, String> env,
      LongSupplier nanos)
      throws IOException {
    this.file = file;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    ObjectNode header = JSON.createObjectNode();
    header.put("version", 2);
    header.put("width", Math.max(1, width));
    header.put("height", Math.max(1, height));
    header.put("timestamp", startedAt.getEpochSecond());
    ObjectNode e = header.putObject("env");
    env.forEach(e::put);
    header.put("title", "rootless-ctr");
    file.write(JSON.writeValueAsString(header));
    file.write('\n');
    file.flush();
  }

  /** Starts a recording in a new file; an existing file is not overwritten. */
  public static CastWriter create(Path path, int width, int height, Map<String, String> env)
      throws IOException {
    Writer writer =
        Files.newBufferedWriter(
            path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new CastWriter(writer, width, height, Instant.now(), env, System::nanoTime);
  }

  /** Records {@code text} as output at this moment. */
  public synchronized void output(String text) {
    if (text.isEmpty() || failed != null) {
      return;
    }
    double seconds = Math.max(last, (nanos.getAsLong() - start) / 1e9);
    last = seconds;
    ArrayNode event = JSON.createArrayNode();
    event.add(Math.round(seconds * 1e6) / 1e6).add("o").add(text);
    try {
      file.write(JSON.writeValueAsString(event));
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      failed = e;
    }
  }

  /** Why the recording stopped early, if it did. */
  public synchronized java.util.Optional<IOException> failure() {
    return java.util.Optional.ofNullable(failed);
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }
}
