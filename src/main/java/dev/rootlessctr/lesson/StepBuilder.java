package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;

/** Collects the blocks under one {@code ##} heading and turns them into a {@link Step}. */
final class StepBuilder {

  private enum Section {
    TEXT,
    CHECK,
    WHILE_RUNNING,
    EXPLAIN,
    HINTS,
    MISTAKES
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*}}");

  /** A line typed at a shell inside a container, as a console block shows it: {@code / # id}. */
  private static final Pattern CONTAINER_PROMPT = Pattern.compile("^(?!\\$ )\\S+ # (\\S.*)$");

  private final int number;
  private final String title;
  private final int line;
  private final SourceText text;
  private final List<List<Node>> textRuns = new ArrayList<>();
  private final List<Node> check = new ArrayList<>();
  private final List<Node> whileRunning = new ArrayList<>();
  private final List<Node> explain = new ArrayList<>();
  private final List<Node> hints = new ArrayList<>();
  private final List<Node> mistakes = new ArrayList<>();
  private Section section = Section.TEXT;
  private Node checkHeading;
  private Node whileRunningHeading;

  StepBuilder(int number, String title, int line, SourceText text) {
    this.number = number;
    this.title = title;
    this.line = line;
    this.text = text;
    textRuns.add(new ArrayList<>());
  }

  void add(Node node) throws LessonException {
    if (node instanceof Heading heading && heading.getLevel() == 3) {
      Section named = sectionOf(Inlines.plainText(heading));
      if (named != Section.TEXT) {
        if (sectionSeen(named)) {
          throw text.error(node, "step '" + title + "' has a second '### " + Inlines.plainText(heading).trim() + "' section");
        }
        section = named;
        if (named == Section.CHECK) {
          checkHeading = node;
        } else if (named == Section.WHILE_RUNNING) {
          whileRunningHeading = node;
        }
        return;
      }
      section = Section.TEXT;
      textRuns.add(new ArrayList<>());
    }
    switch (section) {
      case TEXT -> textRuns.get(textRuns.size() - 1).add(node);
      case CHECK -> check.add(node);
      case WHILE_RUNNING -> whileRunning.add(node);
      case EXPLAIN -> explain.add(node);
      case HINTS -> hints.add(node);
      case MISTAKES -> mistakes.add(node);
    }
  }

  private boolean sectionSeen(Section named) {
    return switch (named) {
      case CHECK -> checkHeading != null;
      case WHILE_RUNNING -> whileRunningHeading != null;
      case EXPLAIN -> !explain.isEmpty();
      case HINTS -> !hints.isEmpty();
      case MISTAKES -> !mistakes.isEmpty();
      case TEXT -> false;
    };
  }

  private static Section sectionOf(String heading) {
    String name = heading.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "check", "checks", "expect", "expected" -> Section.CHECK;
      case "while it runs" -> Section.WHILE_RUNNING;
      case "explain", "explanation", "what happened" -> Section.EXPLAIN;
      case "hint", "hints" -> Section.HINTS;
      case "mistakes", "common mistakes", "if it fails" -> Section.MISTAKES;
      default -> Section.TEXT;
    };
  }

  Step build() throws LessonException {
    List<Command> commands = new ArrayList<>();
    List<JsonEdit> edits = new ArrayList<>();
    StringBuilder markdown = new StringBuilder();
    for (List<Node> run : textRuns) {
      for (Node node : run) {
        if (node instanceof FencedCodeBlock fence) {
          readFence(fence, commands, edits);
        }
      }
      if (!run.isEmpty()) {
        markdown.append(markdown.length() == 0 ? "" : "\n").append(text.slice(run));
      }
    }
    List<Expectation> expectations = readChecks(checkHeading, check);
    List<Expectation> live = readChecks(whileRunningHeading, whileRunning);
    String explanation = text.slice(explain);
    List<Expectation> all = new ArrayList<>(expectations);
    all.addAll(live);
    checkPlaceholders(explanation, all);
    return new Step(
        number,
        title,
        line,
        markdown.toString(),
        commands,
        edits,
        expectations,
        live,
        explanation,
        readHints(),
        readMistakes());
  }

  private void readFence(FencedCodeBlock fence, List<Command> commands, List<JsonEdit> edits)
      throws LessonException {
    String info = fence.getInfo() == null ? "" : fence.getInfo().trim();
    String[] words = info.split("\\s+");
    if (words.length > 1 && words[0].equalsIgnoreCase("json") && words[1].equals("add")) {
      if (words.length != 4) {
        throw text.error(fence, "a JSON edit block is written ```json add FILE POINTER (found '" + info + "')");
      }
      if (!words[3].startsWith("/")) {
        throw text.error(fence, "JSON pointer '" + words[3] + "' must start with '/'");
      }
      edits.add(new JsonEdit(words[2], words[3], fence.getLiteral(), text.line(fence)));
      return;
    }
    if (!LessonParser.isShell(fence)) {
      return;
    }
    boolean console = info.toLowerCase(Locale.ROOT).startsWith("console");
    int first = text.line(fence) + 1;
    String[] lines = fence.getLiteral().split("\n");
    StringBuilder pending = new StringBuilder();
    int pendingLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String trimmed = raw.strip();
      if (pending.length() == 0) {
        if (console) {
          Matcher inside = CONTAINER_PROMPT.matcher(trimmed);
          if (inside.matches() && !commands.isEmpty()) {
            // typed into the step's last command so far (the container's shell it started)
            commands.add(commands.remove(commands.size() - 1).withInput(inside.group(1).strip()));
            continue;
          }
          if (!trimmed.startsWith("$ ")) {
            continue; // output shown in a console block, not a command
          }
          trimmed = trimmed.substring(2).strip();
        } else if (trimmed.startsWith("$ ")) {
          trimmed = trimmed.substring(2).strip();
        }
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        pendingLine = first + i;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed.substring(0, trimmed.length() - 1).stripTrailing()).append(' ');
        continue;
      }
      pending.append(trimmed);
      commands.add(new Command(pending.toString(), pendingLine));
      pending.setLength(0);
    }
    if (pending.length() > 0) {
      throw text.error(pendingLine, "command ends with a '\\' continuation but no line follows");
    }
  }

  private List<Expectation> readChecks(Node heading, List<Node> section) throws LessonException {
    if (heading == null) {
      return List.of();
    }
    List<Expectation> expectations = new ArrayList<>();
    for (Node node : section) {
      if (!(node instanceof ListBlock list)) {
        continue; // prose around the list is allowed and ignored
      }
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        expectations.add(ExpectationParser.parse((ListItem) item, text));
      }
    }
    if (expectations.isEmpty()) {
      throw text.error(heading, "'### " + Inlines.plainText(heading).trim() + "' in step '" + title + "' has no list of expectations");
    }
    return expectations;
  }

  private List<String> readHints() {
    List<String> result = new ArrayList<>();
    for (Node node : hints) {
      if (node instanceof ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          result.add(itemMarkdown(item));
        }
      } else {
        result.add(text.slice(List.of(node)));
      }
    }
    return result;
  }

  private List<Mistake> readMistakes() throws LessonException {
    List<Mistake> result = new ArrayList<>();
    for (Node node : mistakes) {
      if (!(node instanceof ListBlock list)) {
        continue;
      }
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        Node first = item.getFirstChild();
        Node code = first instanceof Paragraph ? first.getFirstChild() : null;
        if (!(code instanceof Code pattern)) {
          throw text.error(item, "a mistake starts with the error text in backticks, then what it means");
        }
        String explanation = itemMarkdown(item);
        explanation = explanation.substring(explanation.indexOf('`', explanation.indexOf('`') + 1) + 1);
        explanation = explanation.replaceFirst("^\\s*[:—–-]?\\s*", "");
        if (explanation.isBlank()) {
          throw text.error(item, "mistake `" + pattern.getLiteral() + "` has no explanation after it");
        }
        result.add(new Mistake(pattern.getLiteral(), explanation, text.line(item)));
      }
    }
    return result;
  }

  /** The markdown of a list item's content, without its bullet. */
  private String itemMarkdown(Node item) {
    Node first = item.getFirstChild();
    if (first == null) {
      return "";
    }
    SourceSpan span = first.getSourceSpans().get(0);
    return text.itemContent(item, span.getLineIndex() + 1, span.getColumnIndex());
  }

  private void checkPlaceholders(String explanation, List<Expectation> expectations)
      throws LessonException {
    Matcher matcher = PLACEHOLDER.matcher(explanation);
    while (matcher.find()) {
      String name = matcher.group(1);
      int dot = name.indexOf('.');
      if (dot < 0) {
        if (!Placeholders.BUILT_IN.contains(name)) {
          throw text.error(explainLine(), "unknown value {{" + name + "}}; built-in values are " + Placeholders.BUILT_IN);
        }
        continue;
      }
      String probe = name.substring(0, dot);
      boolean called =
          expectations.stream()
              .anyMatch(e -> e instanceof Expectation.ProbeCall call && call.name().equals(probe));
      if (!called) {
        throw text.error(explainLine(), "{{" + name + "}} quotes probe '" + probe + "', which this step's check does not call");
      }
    }
  }

  private int explainLine() {
    return explain.isEmpty() ? line : text.line(explain.get(0));
  }
}
