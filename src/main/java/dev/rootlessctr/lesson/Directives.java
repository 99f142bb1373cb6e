package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.HtmlBlock;

/**
 * Lesson-wide settings written as HTML comments, invisible when the lesson is read as a document:
 * {@code <!-- needs: runc skopeo -->}, {@code <!-- cleanup: path ~/file -->}, {@code <!-- cleanup:
 * container NAME -->}. A comment that starts with a lowercase word and a colon is a directive, so a
 * misspelt one is reported instead of ignored; any other comment is a note for authors.
 */
final class Directives {

  private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*([a-z][a-z-]*)\\s*:");
  private static final List<String> NAMES = List.of("needs", "cleanup");

  private Directives() {}

  static boolean isDirective(HtmlBlock html) {
    return looksLikeDirective(html.getLiteral().strip());
  }

  static boolean looksLikeDirective(String literal) {
    return DIRECTIVE.matcher(literal.strip()).lookingAt();
  }

  /** Reads one directive into {@code needs} or {@code cleanup}; throws with all its problems. */
  static void read(
      HtmlBlock html, SourceText text, Set<Requirement> needs, List<CleanupItem> cleanup)
      throws LessonException {
    String literal = html.getLiteral().strip();
    Matcher name = DIRECTIVE.matcher(literal);
    name.lookingAt();
    if (!literal.contains("-->")) {
      return; // an unclosed comment: DocumentCheck reports it once
    }
    if (!literal.endsWith("-->")) {
      throw text.error(html, "a directive must end its line with -->");
    }
    String body = literal.substring(name.end(), literal.length() - 3).strip();
    switch (name.group(1)) {
      case "needs" -> readNeeds(html, text, body, needs);
      case "cleanup" -> readCleanup(html, text, body, cleanup);
      default ->
          throw text.error(
              html,
              "unknown directive '"
                  + name.group(1)
                  + ":'"
                  + closest(name.group(1)).map(n -> " (did you mean '" + n + ":'?)").orElse("")
                  + "; the directives are needs: and cleanup:, and any comment that starts with a"
                  + " lowercase word and a colon is read as one");
    }
  }

  private static void readNeeds(
      HtmlBlock html, SourceText text, String body, Set<Requirement> needs) throws LessonException {
    List<LessonError> errors = new ArrayList<>();
    String[] tags = body.split("[\\s,]+");
    for (String tag : tags) {
      if (tag.isEmpty()) {
        continue;
      }
      Optional<Requirement> need = Requirement.fromTag(tag.toLowerCase(Locale.ROOT));
      if (need.isPresent()) {
        needs.add(need.get());
      } else {
        errors.add(
            text.error(
                    html, "unknown requirement '" + tag + "' in needs:; known are " + knownTags())
                .error());
      }
    }
    if (body.isBlank()) {
      errors.add(text.error(html, "needs: names no requirement; known are " + knownTags()).error());
    }
    if (!errors.isEmpty()) {
      throw new LessonException(errors);
    }
  }

  private static String knownTags() {
    return Arrays.stream(Requirement.values())
        .map(Requirement::tag)
        .collect(Collectors.joining(", "));
  }

  private static void readCleanup(
      HtmlBlock html, SourceText text, String body, List<CleanupItem> cleanup)
      throws LessonException {
    String[] words = body.split("\\s+", 2);
    CleanupItem.Kind kind =
        switch (words[0]) {
          case "path" -> CleanupItem.Kind.PATH;
          case "container" -> CleanupItem.Kind.CONTAINER;
          case "process" -> CleanupItem.Kind.PROCESS;
          default -> null;
        };
    if (words.length != 2 || kind == null) {
      throw text.error(
          html,
          "cleanup directive must be 'cleanup: path PATH', 'cleanup: container NAME' or 'cleanup:"
              + " process PROGRAM'");
    }
    String target = words[1].trim();
    String problem =
        switch (kind) {
          case PATH -> LabPaths.cleanupProblem(target);
          case CONTAINER -> LabPaths.containerProblem(target);
          case PROCESS -> LabPaths.programProblem(target);
        };
    if (problem != null) {
      throw text.error(html, "cleanup " + kind + ": " + problem);
    }
    cleanup.add(new CleanupItem(kind, target, text.line(html)));
  }

  /** A directive name one or two typos away from {@code word}, if any. */
  private static Optional<String> closest(String word) {
    return NAMES.stream().filter(n -> distance(n, word) <= 2).findFirst();
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        row[j] =
            Math.min(
                Math.min(row[j] + 1, row[j - 1] + 1),
                diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
