package dev.rootlessctr.edit;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a {@link JsonEdit}: parses the file, adds the value at the pointer, writes it back in
 * runc's layout (tab indentation) and returns the line diff.
 */
public final class JsonEditor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER = JSON.writer(layout());

  /** The result: the file written and the changed lines. */
  public record Applied(Path file, List<String> diff, boolean changed) {}

  public Applied apply(JsonEdit edit, Path file) throws IOException {
    String before = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(before);
    } catch (JsonProcessingException e) {
      throw new IOException(edit.file() + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
    }
    JsonNode value = JSON.readTree(edit.json());
    String beforeText = WRITER.writeValueAsString(root);
    if (containsAlready(root, edit.pointer(), value)) {
      return new Applied(file, List.of(), false);
    }
    insert(root, edit.pointer(), value);
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

  private static void insert(JsonNode root, String pointer, JsonNode value) throws IOException {
    int slash = pointer.lastIndexOf('/');
    String parentPointer = pointer.substring(0, slash);
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
    if (parent instanceof ArrayNode array && last.equals("-")) {
      array.add(value);
    } else if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent.isMissingNode() && parentPointer.lastIndexOf('/') >= 0) {
      // Create a missing array or object on the way (e.g. a spec without "mounts").
      ObjectNode grand = (ObjectNode) root.at(parentPointer.substring(0, parentPointer.lastIndexOf('/')));
      String name = parentPointer.substring(parentPointer.lastIndexOf('/') + 1);
      if (last.equals("-")) {
        grand.putArray(name).add(value);
      } else {
        grand.putObject(name).set(last, value);
      }
    } else {
      throw new IOException("cannot add at " + pointer + ": its parent is not an object or array");
    }
  }

  private static DefaultPrettyPrinter layout() {
    DefaultIndenter tabs = new DefaultIndenter("\t", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(tabs);
    printer.indentObjectsWith(tabs);
    return printer;
  }
}
