package dev.rootlessctr.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads and saves {@link Progress} as JSON in one file per course.
 *
 * <p>Saving writes a temporary file, forces it to disk and renames it over the old one, so a crash
 * leaves either the old or the new progress, never half of one. A file that cannot be read is set
 * aside (renamed, not deleted) and the learner starts afresh, with a warning.
 *
 * <p>Two shells of one learner may save the same file. Each save holds an exclusive lock on a lock
 * file beside it, reads the file again inside the lock and merges (see {@link Progress#mergeInto}),
 * so a step one shell finished is never lost to the other's write; only the current position is the
 * last writer's.
 */
public final class ProgressStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  /** One JVM may hold several stores of one file; file locks are per process, so also this. */
  private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

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
      Progress progress = parse(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
      progress.markSynced();
      return new Loaded(progress, null);
    } catch (IOException | RuntimeException e) {
      Path aside =
          file.resolveSibling(file.getFileName() + ".corrupt-" + Instant.now().toEpochMilli());
      String moved;
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        moved = "set aside as " + aside;
      } catch (IOException moveFailed) {
        moved = "could not be set aside (" + moveFailed.getMessage() + ")";
      }
      return new Loaded(
          new Progress(),
          "progress file "
              + file
              + " was unreadable ("
              + firstLine(e.getMessage())
              + "); "
              + moved
              + ". Starting afresh.");
    }
  }

  /**
   * The saved progress, read only: no progress when there is no file yet, empty when the file
   * cannot be read. Unlike {@link #load} it never sets a file aside; a list of courses uses it.
   */
  public java.util.Optional<Progress> peek() {
    if (!Files.exists(file)) {
      return java.util.Optional.of(new Progress());
    }
    try {
      return java.util.Optional.of(
          parse(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8))));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static Progress parse(JsonNode root) {
    if (root == null || !root.isObject() || root.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException(
          "not a rootless-ctr progress file (version " + VERSION + ")");
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
    JsonNode skipped = root.path("skipped"); // absent in files written before skips existed
    for (Iterator<Map.Entry<String, JsonNode>> it = skipped.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> lesson = it.next();
      for (JsonNode step : lesson.getValue()) {
        if (step.canConvertToInt()) {
          progress.skip(lesson.getKey(), step.asInt());
        }
      }
    }
    JsonNode current = root.path("current");
    if (current.isObject() && current.path("lesson").isTextual()) {
      progress.moveTo(current.path("lesson").asText(), Math.max(1, current.path("step").asInt(1)));
    }
    return progress;
  }

  /** The lock file beside the progress file that serializes saves across shells. */
  public Path lockFile() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * Merges this shell's changes into the file under the lock and writes the result; {@code
   * progress} then also holds what other shells saved meanwhile.
   */
  public void save(Progress progress) throws IOException {
    Files.createDirectories(file.getParent());
    synchronized (
        IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
      try (FileChannel lockChannel =
              FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockChannel.lock()) {
        Progress disk = onDisk();
        Progress.Merge merge = progress.mergeInto(disk.snapshot(), disk.skippedSnapshot());
        try {
          write(
              merge.completed(), merge.skipped(), progress.currentLesson(), progress.currentStep());
        } catch (IOException | RuntimeException e) {
          progress.unsynced(merge);
          throw e;
        }
      }
    }
  }

  /** What the file holds now; nothing when it is missing or unreadable (load set that aside). */
  private Progress onDisk() {
    if (!Files.exists(file)) {
      return new Progress();
    }
    try {
      return parse(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      return new Progress();
    }
  }

  private void write(
      Map<String, Set<Integer>> completedSteps,
      Map<String, Set<Integer>> skippedSteps,
      String currentLesson,
      int currentStep)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ObjectNode completed = root.putObject("completed");
    for (Map.Entry<String, Set<Integer>> lesson : completedSteps.entrySet()) {
      ArrayNode steps = completed.putArray(lesson.getKey());
      lesson.getValue().forEach(steps::add);
    }
    if (!skippedSteps.isEmpty()) {
      ObjectNode skipped = root.putObject("skipped");
      for (Map.Entry<String, Set<Integer>> lesson : skippedSteps.entrySet()) {
        ArrayNode steps = skipped.putArray(lesson.getKey());
        lesson.getValue().forEach(steps::add);
      }
    }
    if (currentLesson != null) {
      ObjectNode current = root.putObject("current");
      current.put("lesson", currentLesson);
      current.put("step", currentStep);
    }
    byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
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
