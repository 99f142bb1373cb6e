package dev.rootlessctr.probe;

import dev.rootlessctr.io.LenientText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON the way Go's encoding/json (runc, skopeo) does, and turns a syntax error into the
 * line, column and text a learner needs to fix it.
 */
final class JsonFile {

  // Go rejects anything after the top-level value, so a stray "}" at the end must fail here too.
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonFile() {}

  /**
   * Parses {@code file}; {@code shown} is how messages name it, {@code whyMissing} what a missing
   * file means for the learner.
   */
  static JsonNode read(Path file, String shown, String whyMissing) throws Unmet, IOException {
    String text;
    try {
      text = LenientText.read(file);
    } catch (NoSuchFileException missing) {
      throw new Unmet(shown + " is missing: " + whyMissing);
    }
    return parse(text, shown);
  }

  /** Parses {@code text}, which came from what messages call {@code shown}. */
  static JsonNode parse(String text, String shown) throws Unmet {
    if (text.isBlank()) {
      throw new Unmet(shown + " is empty");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Unmet(describe(e, text, shown));
    }
  }

  /** The items of a JSON array as text; nothing when the node is not an array. */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(item -> texts.add(item.asText()));
    }
    return texts;
  }

  private static String describe(JsonProcessingException e, String text, String shown) {
    JsonLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return shown + " is not valid JSON: " + e.getOriginalMessage();
    }
    int line = where.getLineNr();
    int column = where.getColumnNr();
    StringBuilder message =
        new StringBuilder()
            .append(shown)
            .append(" line ")
            .append(line)
            .append(", column ")
            .append(column)
            .append(": ")
            .append(e.getOriginalMessage());
    List<String> lines = text.lines().toList();
    if (line <= lines.size()) {
      String offending = lines.get(line - 1);
      String gutter = "  " + line + " | ";
      message.append('\n').append(gutter).append(offending);
      if (column >= 1 && column <= offending.length() + 1) {
        message.append('\n').append(pointer(gutter, offending, column));
      }
    }
    return message.toString();
  }

  // Keeps tabs as tabs so the caret lines up under tab-indented JSON such as runc's.
  private static String pointer(String gutter, String offending, int column) {
    StringBuilder pad = new StringBuilder(" ".repeat(gutter.length()));
    for (int i = 0; i < column - 1; i++) {
      pad.append(offending.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.append('^').toString();
  }
}
