package dev.rootlessctr.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Loads and saves {@link Progress} as JSON in one file per course.
 *
 * <p>Saving writes a temporary file, forces it to disk and renames it over the old one, so a
 * crash leaves either the old or the new progress, never half of one. A file that cannot be read
 * is set aside (renamed, not deleted) and the learner starts afresh, with a warning.
 */
public final class ProgressStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private final Path file;

  public ProgressStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** What loading found; {@code warning} is non-null when a corrupt file was set aside. */
  public record Loaded(Progress progress, String warning) {}

  public Loaded load() {
    if (!Files.exists(file)) {
      return new Loaded(new Progress(), null);
    }
    try {
      return new Loaded(parse(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8))), null);
    } catch (IOException | RuntimeException e) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
      String moved;
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        moved = "set aside as " + aside;
      } catch (IOException moveFailed) {
        moved = "could not be set aside (" + moveFailed.getMessage() + ")";
      }
      return new Loaded(
          new Progress(),
          "progress file " + file + " was unreadable (" + firstLine(e.getMessage()) + "); " + moved + ". Starting afresh.");
    }
  }

  private static Progress parse(JsonNode root) {
    if (root == null || !root.isObject() || root.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException("not a rootless-ctr progress file (version " + VERSION + ")");
    }
    Progress progress = new Progress();
    JsonNode completed = root.path("completed");
    for (Iterator<Map.Entry<String, JsonNode>> it = completed.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> lesson = it.next();
      if (!lesson.getValue().isArray()) {
        throw new IllegalArgumentException("completed." + lesson.getKey() + " is not a list");
      }
      for (JsonNode step : lesson.getValue()) {
        if (!step.canConvertToInt()) {
          throw new IllegalArgumentException("completed." + lesson.getKey() + " holds " + step);
        }
        progress.complete(lesson.getKey(), step.asInt());
      }
    }
    JsonNode current = root.path("current");
    if (current.isObject() && current.path("lesson").isTextual()) {
      progress.moveTo(current.path("lesson").asText(), Math.max(1, current.path("step").asInt(1)));
    }
    return progress;
  }

  public void save(Progress progress) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ObjectNode completed = root.putObject("completed");
    for (Map.Entry<String, Set<Integer>> lesson : progress.snapshot().entrySet()) {
      ArrayNode steps = completed.putArray(lesson.getKey());
      lesson.getValue().forEach(steps::add);
    }
    if (progress.currentLesson() != null) {
      ObjectNode current = root.putObject("current");
      current.put("lesson", progress.currentLesson());
      current.put("step", progress.currentStep());
    }
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
