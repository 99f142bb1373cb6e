package dev.rootlessctr.lesson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * JSON a lesson writes or points into, checked when the lesson loads rather than when a learner
 * types {@code :run}. Only the streaming parser is used: it reads token by token, keeps no tree and
 * has its own nesting limit.
 */
final class JsonSyntax {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");

  private JsonSyntax() {}

  /**
   * Why {@code pointer} is not an RFC 6901 JSON Pointer, or null. {@code appendAllowed} permits a
   * last {@code -} (append to an array), which only an edit means.
   */
  static String pointerProblem(String pointer, boolean appendAllowed) {
    if (!pointer.startsWith("/")) {
      return "JSON pointer '" + pointer + "' must start with '/'";
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      for (int at = token.indexOf('~'); at >= 0; at = token.indexOf('~', at + 1)) {
        if (at + 1 >= token.length()
            || token.charAt(at + 1) != '0' && token.charAt(at + 1) != '1') {
          return "JSON pointer '"
              + pointer
              + "' has '~' not followed by 0 or 1; write ~0 for '~' and ~1 for '/'";
        }
      }
      if (token.equals("-") && (!appendAllowed || i < tokens.length - 1)) {
        return "JSON pointer '"
            + pointer
            + "' uses '-' "
            + (appendAllowed
                ? "before its end; '-' (append) can only be the last part"
                : "which points past the end of an array; a check needs an existing index");
      }
    }
    return null;
  }

  /**
   * A syntax problem in {@code json}: its 1-based line and column in the text, and what is wrong.
   */
  record Problem(int line, int column, String message) {}

  /**
   * The first syntax problem of {@code json}, or null when it is one JSON value. A {@code
   * {{placeholder}}} counts as a value (it is filled before the edit is applied).
   */
  static Problem valueProblem(String json) {
    String filled = PLACEHOLDER.matcher(json).replaceAll("0");
    try (JsonParser parser = FACTORY.createParser(filled)) {
      if (parser.nextToken() == null) {
        return new Problem(1, 1, "the JSON edit is empty; write the JSON value to add");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        var at = parser.currentTokenLocation();
        return new Problem(
            at.getLineNr(), at.getColumnNr(), "more than one JSON value; an edit adds exactly one");
      }
      return null;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      return new Problem(
          at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()),
          "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
    } catch (IOException e) {
      return new Problem(1, 1, "not JSON: " + e.getMessage());
    }
  }
}
