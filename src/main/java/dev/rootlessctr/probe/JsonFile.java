package dev.rootlessctr.probe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.io.LenientText;
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
    List<String> lines = text.lines().toList();
    String what = e.getOriginalMessage();
    int[] comma = trailingComma(lines, line, column);
    if (comma != null) {
      // The parser stops at the closing bracket, but the mistake is the comma before it, often
      // on the line above: point there, as a learner would fix it.
      what =
          "a trailing comma: \""
              + lines.get(line - 1).charAt(column - 1)
              + "\" follows it (line "
              + line
              + ", column "
              + column
              + "), and JSON allows no comma before a closing bracket; remove this comma";
      line = comma[0];
      column = comma[1];
    }
    StringBuilder message =
        new StringBuilder()
            .append(shown)
            .append(" line ")
            .append(line)
            .append(", column ")
            .append(column)
            .append(": ")
            .append(what);
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

  /**
   * When the parser stopped at a closing bracket and the last thing before it is a comma: that
   * comma's line and column (1-based), else null.
   */
  private static int[] trailingComma(List<String> lines, int line, int column) {
    if (line > lines.size() || column < 1 || column > lines.get(line - 1).length()) {
      return null;
    }
    char closing = lines.get(line - 1).charAt(column - 1);
    if (closing != '}' && closing != ']') {
      return null;
    }
    int l = line - 1;
    int c = column - 2;
    while (l >= 0) {
      String text = lines.get(l);
      for (; c >= 0; c--) {
        char ch = text.charAt(c);
        if (ch == ',') {
          return new int[] {l + 1, c + 1};
        }
        if (!Character.isWhitespace(ch)) {
          return null;
        }
      }
      l--;
      c = l >= 0 ? lines.get(l).length() - 1 : -1;
    }
    return null;
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
