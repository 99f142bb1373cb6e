package dev.rootlessctr.edit;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.lesson.JsonEdit;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link JsonEdit}: parses the file, adds the value at the pointer, writes it back in
 * runc's layout (tab indentation) and returns the line diff. A document the edit cannot go into
 * (missing, empty, not JSON, {@code []} or {@code null} instead of an object, a pointer whose
 * parent is not an object or array) is a {@link Refused} result saying so in one line; the file is
 * then left as it was.
 */
public final class JsonEditor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER = JSON.writer(layout());

  /** What {@link #apply} did: the edit made (or already there), or why it was not made. */
  public sealed interface Result permits Applied, Refused {}

  /** The file written and the changed lines; {@code changed} is false when it was there. */
  public record Applied(Path file, List<String> diff, boolean changed) implements Result {}

  /**
   * The edit was not made, and the file not touched.
   *
   * @param file the file as the lesson names it, e.g. {@code busybox-bundle/config.json}
   * @param kind whose the problem is, so the caller can say what to do
   * @param problem what is wrong, to follow the file name, e.g. {@code is empty, not ...}
   */
  public record Refused(String file, Kind kind, String problem) implements Result {

    /** Why an edit was refused. */
    public enum Kind {
      /** The file is not there. */
      MISSING,
      /** The file is there but is not a JSON object (empty, not JSON, {@code []}, {@code null}). */
      NOT_AN_OBJECT,
      /** The document is an object, but the pointer's parent is not an object or array. */
      WRONG_SHAPE,
      /** The lesson's edit itself is malformed (its pointer or its JSON). */
      LESSON
    }

    /** One line for the learner, e.g. {@code busybox-bundle/config.json is empty, not ...}. */
    public String message() {
      return file + " " + problem;
    }
  }

  /** Applies {@code edit} to {@code file}; throws only when the file cannot be read or written. */
  public Result apply(JsonEdit edit, Path file) throws IOException {
    try {
      JsonPointer.compile(edit.pointer());
    } catch (IllegalArgumentException e) {
      return new Refused(
          edit.file(),
          Refused.Kind.LESSON,
          "cannot be edited: the lesson's pointer "
              + edit.pointer()
              + " is not a JSON pointer ("
              + e.getMessage()
              + ")");
    }
    JsonNode value;
    try {
      value = JSON.readTree(edit.json());
    } catch (JsonProcessingException e) {
      return new Refused(
          edit.file(),
          Refused.Kind.LESSON,
          "cannot be edited: the lesson's text to add is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ")");
    }
    if (!Files.isRegularFile(file)) {
      return Files.exists(file)
          ? new Refused(edit.file(), Refused.Kind.NOT_AN_OBJECT, "is not a regular file")
          : new Refused(edit.file(), Refused.Kind.MISSING, "does not exist");
    }
    String before;
    try {
      before = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return new Refused(edit.file(), Refused.Kind.NOT_AN_OBJECT, "is not UTF-8 text, so not JSON");
    }
    if (before.isBlank()) {
      return new Refused(edit.file(), Refused.Kind.NOT_AN_OBJECT, "is empty, not a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(before);
    } catch (JsonProcessingException e) {
      return new Refused(
          edit.file(),
          Refused.Kind.NOT_AN_OBJECT,
          "is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + jacksonReason(e));
    }
    if (!(root instanceof ObjectNode)) {
      return new Refused(
          edit.file(), Refused.Kind.NOT_AN_OBJECT, "holds " + shown(root) + ", not a JSON object");
    }
    String beforeText = WRITER.writeValueAsString(root);
    if (containsAlready(root, edit.pointer(), value)) {
      return new Applied(file, List.of(), false);
    }
    Optional<String> refused = insert(root, edit.pointer(), value);
    if (refused.isPresent()) {
      return new Refused(edit.file(), Refused.Kind.WRONG_SHAPE, refused.get());
    }
    String afterText = WRITER.writeValueAsString(root) + "\n";
    Files.writeString(file, afterText, StandardCharsets.UTF_8);
    return new Applied(file, LineDiff.diff(beforeText, afterText), true);
  }

  private static boolean containsAlready(JsonNode root, String pointer, JsonNode value) {
    if (pointer.endsWith("/-")) {
      JsonNode array = root.at(pointer.substring(0, pointer.length() - 2));
      if (array.isArray()) {
        for (JsonNode element : array) {
          if (element.equals(value)) {
            return true;
          }
        }
      }
      return false;
    }
    return root.at(pointer).equals(value);
  }

  /** Adds {@code value} at {@code pointer}; returns why it could not, if it could not. */
  private static Optional<String> insert(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    String parentPointer = pointer.substring(0, slash);
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
    if (parent instanceof ArrayNode array && last.equals("-")) {
      array.add(value);
      return Optional.empty();
    }
    if (parent instanceof ObjectNode object && !last.equals("-")) {
      object.set(last, value);
      return Optional.empty();
    }
    if (parent.isMissingNode()
        && parentPointer.lastIndexOf('/') >= 0
        && root.at(parentPointer.substring(0, parentPointer.lastIndexOf('/')))
            instanceof ObjectNode grand) {
      // Create a missing array or object on the way (e.g. a spec without "mounts").
      String name = parentPointer.substring(parentPointer.lastIndexOf('/') + 1);
      if (last.equals("-")) {
        grand.putArray(name).add(value);
      } else {
        grand.putObject(name).set(last, value);
      }
      return Optional.empty();
    }
    String want = last.equals("-") ? "a list" : "an object";
    if (parent.isMissingNode()) {
      return Optional.of(
          "has no "
              + parentPointer
              + " to add to (the pointer "
              + pointer
              + " needs "
              + want
              + " there)");
    }
    return Optional.of(
        "has "
            + shown(parent)
            + " at "
            + parentPointer
            + ", not "
            + want
            + ", so nothing can be added at "
            + pointer);
  }

  /** Jackson's reason, without the source description it appends. */
  private static String jacksonReason(JsonProcessingException e) {
    String first = e.getOriginalMessage().lines().findFirst().orElse("");
    return first.replaceAll("\\s*\\((start marker|\\[Source).*$", "");
  }

  /** A short way to show a JSON value in a message: itself when short, else its kind. */
  private static String shown(JsonNode node) {
    String text = node.toString();
    if (text.length() <= 24) {
      return "`" + text + "`";
    }
    return node.isArray()
        ? "a list"
        : node.isObject()
            ? "an object"
            : node.isTextual()
                ? "a string"
                : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static DefaultPrettyPrinter layout() {
    DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(tabs);
    printer.indentObjectsWith(tabs);
    return printer;
  }
}
