package dev.rootlessctr.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What one learner shares with the room, and nothing more: the fields the consent question lists.
 * It travels as the config blob of an OCI artifact, so its JSON is the wire format ({@link
 * #MEDIA_TYPE}, version 1).
 *
 * @param sharing false for the record left behind when a learner stops sharing (all else empty)
 * @param lessonNumber the lesson's number in the course; 0 when the record has no position
 * @param mistake the course's name for the last known mistake (its pattern), never output
 * @param mistakeRepeats how many times in a row that mistake was made on the current step
 */
public record LearnerProgress(
    boolean sharing,
    String name,
    String course,
    int lessonNumber,
    String lessonTitle,
    int step,
    int steps,
    String stepTitle,
    boolean stepDone,
    int done,
    int total,
    Instant stepSince,
    Instant updated,
    Optional<String> mistake,
    int mistakeRepeats) {

  public static final String MEDIA_TYPE = "application/vnd.rootless-ctr.progress.v1+json";

  /** Longer texts are cut: a record is a table row, and a hostile one must stay small. */
  static final int MAX_TEXT = 80;

  /** Larger blobs are not read at all. */
  static final int MAX_BYTES = 8 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  public LearnerProgress {
    name = clean(name);
    course = clean(course);
    lessonTitle = clean(lessonTitle);
    stepTitle = clean(stepTitle);
    mistake = mistake.map(LearnerProgress::clean).filter(m -> !m.isEmpty());
  }

  /** What a learner leaves in the room when they stop sharing: nothing about them. */
  public static LearnerProgress withdrawn(Instant at) {
    return new LearnerProgress(
        false, "", "", 0, "", 0, 0, "", false, 0, 0, at, at, Optional.empty(), 0);
  }

  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("v", 1);
    root.put("sharing", sharing);
    if (sharing) {
      root.put("name", name);
      root.put("course", course);
      root.put("lessonNumber", lessonNumber);
      root.put("lessonTitle", lessonTitle);
      root.put("step", step);
      root.put("steps", steps);
      root.put("stepTitle", stepTitle);
      root.put("stepDone", stepDone);
      root.put("done", done);
      root.put("total", total);
      root.put("stepSince", stepSince.toString());
      mistake.ifPresent(m -> root.put("mistake", m));
      root.put("mistakeRepeats", mistakeRepeats);
    }
    root.put("updated", updated.toString());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Reads a record another machine wrote; empty when it is not one this version understands. */
  public static Optional<LearnerProgress> fromJson(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject() || root.path("v").asInt() != 1) {
        return Optional.empty();
      }
      Instant updated = Instant.parse(root.path("updated").asText());
      if (!root.path("sharing").asBoolean(false)) {
        return Optional.of(withdrawn(updated));
      }
      return Optional.of(
          new LearnerProgress(
              true,
              root.path("name").asText(""),
              root.path("course").asText(""),
              root.path("lessonNumber").asInt(0),
              root.path("lessonTitle").asText(""),
              root.path("step").asInt(0),
              root.path("steps").asInt(0),
              root.path("stepTitle").asText(""),
              root.path("stepDone").asBoolean(false),
              root.path("done").asInt(0),
              root.path("total").asInt(0),
              Instant.parse(root.path("stepSince").asText()),
              updated,
              root.hasNonNull("mistake")
                  ? Optional.of(root.path("mistake").asText())
                  : Optional.empty(),
              root.path("mistakeRepeats").asInt(0)));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * One line of printable text, cut to {@link #MAX_TEXT}: a name is typed by a learner and shown on
   * the instructor's terminal, so no escape sequence or line break may pass.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
    String one = out.toString().strip();
    return one.length() > MAX_TEXT ? one.substring(0, MAX_TEXT - 1) + "~" : one;
  }
}
