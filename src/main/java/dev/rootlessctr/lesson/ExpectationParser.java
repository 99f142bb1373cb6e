package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.commonmark.node.Code;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Reads one {@code ### Check} list item: the words before the first code span name the expectation,
 * the code spans are its arguments ({@code - exit status: `0`}).
 */
final class ExpectationParser {

  static final List<String> KEYWORDS =
      List.of(
          "exit status",
          "output contains",
          "output lacks",
          "output matches",
          "file exists",
          "directory exists",
          "path exists",
          "path missing",
          "json",
          "probe");

  private ExpectationParser() {}

  static Expectation parse(ListItem item, SourceText text) throws LessonException {
    int line = text.line(item);
    Node first = item.getFirstChild();
    if (!(first instanceof Paragraph paragraph)) {
      throw text.error(line, "an expectation is one line: a keyword, then arguments in backticks");
    }
    StringBuilder keyword = new StringBuilder();
    StringBuilder words = new StringBuilder();
    List<String> args = new ArrayList<>();
    for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Code code) {
        args.add(code.getLiteral());
      } else if (node instanceof Text t) {
        (args.isEmpty() ? keyword : words).append(t.getLiteral());
      } else if (node instanceof SoftLineBreak) {
        (args.isEmpty() ? keyword : words).append(' ');
      }
    }
    String name = keyword.toString().trim().replaceAll(":$", "").trim().toLowerCase(Locale.ROOT);
    name = name.replaceAll("\\s+", " ");
    return switch (name) {
      case "exit status", "exit" -> exitStatus(args, line, text);
      case "output contains" ->
          new Expectation.OutputContains(one(name, args, line, text), false, line);
      case "output lacks", "output does not contain" ->
          new Expectation.OutputContains(one(name, args, line, text), true, line);
      case "output matches" ->
          new Expectation.OutputMatches(regex(one(name, args, line, text), line, text), line);
      case "file exists" -> path(name, args, Expectation.PathState.Kind.FILE, line, text);
      case "directory exists" -> path(name, args, Expectation.PathState.Kind.DIRECTORY, line, text);
      case "path exists" -> path(name, args, Expectation.PathState.Kind.ANY, line, text);
      case "path missing", "file missing" ->
          path(name, args, Expectation.PathState.Kind.MISSING, line, text);
      case "json" -> json(args, words.toString(), line, text);
      case "probe" -> probe(args, line, text);
      default ->
          throw text.error(
              line,
              "unknown expectation '"
                  + name
                  + "'; expected one of: "
                  + String.join(", ", KEYWORDS));
    };
  }

  private static Expectation exitStatus(List<String> args, int line, SourceText text)
      throws LessonException {
    String value = one("exit status", args, line, text).trim().toLowerCase(Locale.ROOT);
    if (value.equals("non-zero") || value.equals("nonzero")) {
      return new Expectation.ExitStatus(null, line);
    }
    try {
      int status = Integer.parseInt(value);
      if (status < 0 || status > 255) {
        throw text.error(line, "exit status must be 0 to 255 or `non-zero`, found `" + value + "`");
      }
      return new Expectation.ExitStatus(status, line);
    } catch (NumberFormatException e) {
      throw text.error(line, "exit status must be a number or `non-zero`, found `" + value + "`");
    }
  }

  private static Expectation path(
      String name, List<String> args, Expectation.PathState.Kind kind, int line, SourceText text)
      throws LessonException {
    return new Expectation.PathState(one(name, args, line, text), kind, line);
  }

  private static Expectation json(List<String> args, String words, int line, SourceText text)
      throws LessonException {
    if (args.size() < 2 || args.size() > 3) {
      throw text.error(
          line,
          "json takes `FILE` at `/pointer` is `VALUE` (or `FILE` at `/pointer` exists); found "
              + args.size()
              + " argument(s)");
    }
    String pointer = args.get(1);
    if (!pointer.startsWith("/")) {
      throw text.error(line, "JSON pointer `" + pointer + "` must start with '/'");
    }
    String problem = JsonSyntax.pointerProblem(pointer, false);
    if (problem != null) {
      throw text.error(line, problem);
    }
    String expected = args.size() == 3 ? args.get(2) : null;
    if (expected == null && !words.toLowerCase(Locale.ROOT).contains("exists")) {
      throw text.error(line, "json with two arguments must say `exists` after them");
    }
    return new Expectation.JsonValue(args.get(0), pointer, expected, line);
  }

  private static Expectation probe(List<String> args, int line, SourceText text)
      throws LessonException {
    String call = one("probe", args, line, text).trim();
    List<String> words = Arrays.asList(call.split("\\s+"));
    if (call.isEmpty()) {
      throw text.error(line, "probe needs a name, e.g. `oci-layout busybox`");
    }
    return new Expectation.ProbeCall(words.get(0), words.subList(1, words.size()), line);
  }

  private static String one(String name, List<String> args, int line, SourceText text)
      throws LessonException {
    if (args.size() != 1) {
      throw text.error(
          line, "'" + name + "' takes one argument in backticks; found " + args.size());
    }
    return args.get(0);
  }

  private static Pattern regex(String value, int line, SourceText text) throws LessonException {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw text.error(line, "invalid pattern `" + value + "`: " + e.getDescription());
    }
  }
}
