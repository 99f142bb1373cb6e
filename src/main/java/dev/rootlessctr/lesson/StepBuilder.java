package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Collects the blocks under one {@code ##} heading and turns them into a {@link Step}. */
final class StepBuilder {

  /** {@code (registry: offline, workshop)} right after a mistake's pattern. */
  private static final Pattern CONDITION = Pattern.compile("^\\s*\\(([a-z-]+):\\s*([a-z, -]+)\\)");

  private enum Section {
    TEXT,
    CHECK,
    WHILE_RUNNING,
    EXPLAIN,
    HINTS,
    MISTAKES,
    RECAP,
    CANNOT
  }

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
  private final List<Node> recap = new ArrayList<>();
  private final List<Node> cannot = new ArrayList<>();
  private final Set<Requirement> needs = new LinkedHashSet<>();
  private Node cannotHeading;
  private Section section = Section.TEXT;
  private Node checkHeading;
  private Node whileRunningHeading;

  /** Problems of single fences, expectations and mistakes: the rest of the step is still read. */
  private final List<LessonError> problems = new ArrayList<>();

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
          throw text.error(
              node,
              "step '"
                  + title
                  + "' has a second '### "
                  + Inlines.plainText(heading).trim()
                  + "' section");
        }
        section = named;
        if (named == Section.CHECK) {
          checkHeading = node;
        } else if (named == Section.WHILE_RUNNING) {
          whileRunningHeading = node;
        } else if (named == Section.CANNOT) {
          cannotHeading = node;
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
      case RECAP -> recap.add(node);
      case CANNOT -> cannot.add(node);
    }
  }

  /** The step's own needs, filled by the {@code needs:} directives under its heading. */
  Set<Requirement> needs() {
    return needs;
  }

  private boolean sectionSeen(Section named) {
    return switch (named) {
      case CHECK -> checkHeading != null;
      case WHILE_RUNNING -> whileRunningHeading != null;
      case EXPLAIN -> !explain.isEmpty();
      case HINTS -> !hints.isEmpty();
      case MISTAKES -> !mistakes.isEmpty();
      case RECAP -> !recap.isEmpty();
      case CANNOT -> cannotHeading != null;
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
      case "recap" -> Section.RECAP;
      case "if the host cannot" -> Section.CANNOT;
      default -> Section.TEXT;
    };
  }

  Step build() throws LessonException {
    List<Command> commands = new ArrayList<>();
    List<Command> inside = new ArrayList<>();
    List<JsonEdit> edits = new ArrayList<>();
    List<Node> shown = new ArrayList<>();
    for (List<Node> run : textRuns) {
      for (Node node : run) {
        if (node instanceof FencedCodeBlock fence) {
          try {
            readFence(fence, commands, inside, edits);
          } catch (LessonException e) {
            problems.addAll(e.errors());
          }
        }
      }
      shown.addAll(run);
    }
    List<Expectation> expectations = readChecks(checkHeading, check);
    List<Expectation> live = readChecks(whileRunningHeading, whileRunning);
    List<Prose> readHints = readHints();
    List<Mistake> readMistakes = readMistakes();
    if (cannotHeading != null && needs.isEmpty()) {
      problems.add(
          text.error(
                  cannotHeading,
                  "'### If the host cannot' in step '"
                      + title
                      + "' is never shown: the step declares no needs of its own (put a"
                      + " <!-- needs: ... --> under its ## heading)")
              .error());
    } else if (cannotHeading != null && cannot.isEmpty()) {
      problems.add(
          text.error(cannotHeading, "'### If the host cannot' in step '" + title + "' is empty")
              .error());
    }
    if (!problems.isEmpty()) {
      throw new LessonException(problems);
    }
    Prose recapProse = Prose.of(recap, recap.isEmpty() ? line : text.line(recap.get(0)));
    return new Step(
        number,
        title,
        line,
        Prose.of(shown, shown.isEmpty() ? line : text.line(shown.get(0))),
        commands,
        edits,
        expectations,
        live,
        Prose.of(explain, explainLine()),
        readHints,
        readMistakes,
        inside,
        recapProse,
        needs,
        Prose.of(cannot, cannot.isEmpty() ? line : text.line(cannot.get(0))));
  }

  private void readFence(
      FencedCodeBlock fence, List<Command> commands, List<Command> inside, List<JsonEdit> edits)
      throws LessonException {
    String info = fence.getInfo() == null ? "" : fence.getInfo().trim();
    String[] words = info.split("\\s+");
    if (words.length > 1 && words[0].equalsIgnoreCase("json") && words[1].equals("add")) {
      if (words.length != 4) {
        throw text.error(
            fence, "a JSON edit block is written ```json add FILE POINTER (found '" + info + "')");
      }
      String problem = JsonSyntax.pointerProblem(words[3], true);
      if (problem == null) {
        problem =
            LabPaths.editProblem(words[2]) == null
                ? null
                : "JSON edit: " + LabPaths.editProblem(words[2]);
      }
      if (problem != null) {
        throw text.error(fence, problem);
      }
      JsonSyntax.Problem json = JsonSyntax.valueProblem(fence.getLiteral());
      if (json != null) {
        throw text.error(
            text.line(fence) + json.line(), json.column() + fence.getFenceIndent(), json.message());
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
          Matcher typedInside = CONTAINER_PROMPT.matcher(trimmed);
          if (typedInside.matches()) {
            inside.add(
                new Command(typedInside.group(1).strip(), first + i)); // typed in the container
            if (!commands.isEmpty()) {
              // also typed into the step's last command so far (the container's shell it started)
              commands.add(
                  commands.remove(commands.size() - 1).withInput(typedInside.group(1).strip()));
            }
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
    boolean anyItem = false;
    for (Node node : section) {
      if (!(node instanceof ListBlock list)) {
        continue; // prose around the list is allowed and ignored
      }
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        anyItem = true;
        try {
          expectations.add(ExpectationParser.parse((ListItem) item, text));
        } catch (LessonException e) {
          problems.addAll(e.errors());
        }
      }
    }
    if (!anyItem) {
      throw text.error(
          heading,
          "'### "
              + Inlines.plainText(heading).trim()
              + "' in step '"
              + title
              + "' has no list of expectations");
    }
    return expectations;
  }

  private List<Prose> readHints() {
    List<Prose> result = new ArrayList<>();
    for (Node node : hints) {
      if (node instanceof ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          result.add(itemProse(item));
        }
      } else {
        result.add(Prose.of(List.of(node), text.line(node)));
      }
    }
    return result;
  }

  private List<Mistake> readMistakes() {
    List<Mistake> result = new ArrayList<>();
    for (Node node : mistakes) {
      if (!(node instanceof ListBlock list)) {
        continue;
      }
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        Node first = item.getFirstChild();
        Node code = first instanceof Paragraph ? first.getFirstChild() : null;
        if (!(code instanceof Code pattern)) {
          problems.add(
              text.error(
                      item, "a mistake starts with the error text in backticks, then what it means")
                  .error());
          continue;
        }
        Map<String, Set<String>> when = new LinkedHashMap<>();
        if (pattern.getNext() instanceof Text after) {
          Matcher condition = CONDITION.matcher(after.getLiteral());
          if (condition.find()) {
            String name = condition.group(1);
            if (!Mistake.SITUATIONS.contains(name)) {
              problems.add(
                  text.error(
                          item,
                          "mistake `"
                              + pattern.getLiteral()
                              + "` names an unknown situation '"
                              + name
                              + "' (known: "
                              + String.join(", ", Mistake.SITUATIONS)
                              + ")")
                      .error());
              continue;
            }
            when.put(
                name, new LinkedHashSet<>(List.of(condition.group(2).strip().split("\\s*,\\s*"))));
            after.setLiteral(after.getLiteral().substring(condition.end()));
          }
        }
        stripLeading(pattern);
        Prose explanation = itemProse(item);
        if (explanation.isEmpty()) {
          problems.add(
              text.error(item, "mistake `" + pattern.getLiteral() + "` has no explanation after it")
                  .error());
          continue;
        }
        result.add(new Mistake(pattern.getLiteral(), explanation, text.line(item), when));
      }
    }
    return result;
  }

  /** The content of a list item, without its bullet. */
  private Prose itemProse(Node item) {
    List<Node> blocks = new ArrayList<>();
    for (Node block = item.getFirstChild(); block != null; block = block.getNext()) {
      blocks.add(block);
    }
    return Prose.of(blocks, text.line(item));
  }

  /**
   * Removes a mistake's error text (the leading code span) and the separator after it ({@code :}, a
   * dash), leaving what it means; a paragraph left empty goes too.
   */
  private static void stripLeading(Code pattern) {
    Node paragraph = pattern.getParent();
    Node next = pattern.getNext();
    pattern.unlink();
    boolean separated = false;
    while (next instanceof Text || next instanceof SoftLineBreak) {
      Node after = next.getNext();
      if (next instanceof Text t) {
        String rest = t.getLiteral().stripLeading();
        if (!separated && !rest.isEmpty() && ":—–-".indexOf(rest.charAt(0)) >= 0) {
          rest = rest.substring(1).stripLeading();
          separated = true;
        }
        if (!rest.isEmpty()) {
          t.setLiteral(rest);
          break;
        }
        separated |= !t.getLiteral().isBlank();
      }
      next.unlink();
      next = after;
    }
    if (paragraph.getFirstChild() == null) {
      paragraph.unlink();
    }
  }

  private int explainLine() {
    return explain.isEmpty() ? line : text.line(explain.get(0));
  }
}
