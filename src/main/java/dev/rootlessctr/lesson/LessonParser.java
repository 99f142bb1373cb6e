package dev.rootlessctr.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one lesson file into a {@link Lesson}, walking the CommonMark tree.
 *
 * <p>The level-one heading is the title; each level-two heading starts a step; inside a step,
 * level-three headings named Check, Explain, Hints and Mistakes hold the step's data. A {@code
 * needs:} directive before the first step is the lesson's; under a step's heading, that step's.
 * Anything else is text for the learner. See {@code lessons/README.md}.
 *
 * <p>A lesson is validated completely before it is used: the raw text within {@link LessonSource}'s
 * limits, the tree by {@link DocumentCheck}, then every directive and step. All problems found are
 * thrown together, in file order.
 */
public final class LessonParser {

  static final Comparator<LessonError> IN_FILE_ORDER =
      Comparator.comparingInt(LessonError::line).thenComparingInt(LessonError::column);

  /** Reporting stops after this many problems in one file; the first ones are the ones to fix. */
  static final int MAX_ERRORS = 50;

  private static final Pattern LESSON_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private final ProbeCatalog probes;

  /** A parser that does not know the shell's probes: quotes are checked against the lesson only. */
  public LessonParser() {
    this(ProbeCatalog.ANY);
  }

  /** A parser that checks probe calls and {@code {{probe.key}}} quotes against {@code probes}. */
  public LessonParser(ProbeCatalog probes) {
    this.probes = probes;
  }

  /** Parses {@code file}; {@code number} is its position in the course. */
  public Lesson parse(Path file, int number) throws IOException, LessonException {
    String nameProblem = fileNameProblem(file);
    if (nameProblem != null) {
      throw new LessonException(new LessonError(file, 1, nameProblem));
    }
    return parse(file, number, LessonSource.read(file));
  }

  Lesson parse(Path file, int number, String source) throws LessonException {
    source = LessonSource.withoutBom(source);
    List<LessonError> problems = new ArrayList<>(LessonSource.limits(file, source));
    if (!problems.isEmpty()) {
      throw located(problems); // the markdown parser must not see it
    }
    problems.addAll(LessonSource.characters(file, source));
    SourceText text = new SourceText(file);
    Node document = MARKDOWN.parse(source);
    try {
      problems.addAll(DocumentCheck.check(document, text));
    } catch (LessonException tooDeep) {
      problems.addAll(tooDeep.errors());
      throw located(problems);
    }
    String fileStem = stem(file);
    String id = fileStem.replaceFirst("^\\d+[-_]", "");

    String title = null;
    boolean titleSeen = false;
    List<Node> intro = new ArrayList<>();
    Set<Requirement> needs = new LinkedHashSet<>();
    List<CleanupItem> cleanup = new ArrayList<>();
    List<StepBuilder> steps = new ArrayList<>();
    StepBuilder current = null;

    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof HtmlBlock html && Directives.isDirective(html)) {
        try {
          // Under a step's heading, needs: are that step's alone: a host without them skips the
          // step instead of refusing the lesson.
          Directives.read(html, text, current == null ? needs : current.needs(), cleanup);
        } catch (LessonException e) {
          problems.addAll(e.errors());
        }
        continue;
      }
      if (node instanceof Heading heading && heading.getLevel() == 1) {
        boolean first = !titleSeen;
        titleSeen = true;
        if (!first) {
          problems.add(
              text.error(node, "a lesson has one level-one heading (its title); found a second one")
                  .error());
        } else if (current != null) {
          problems.add(
              text.error(node, "the title (# heading) must come before the first step (## heading)")
                  .error());
        } else {
          title = Inlines.plainText(heading).trim();
          if (title.isEmpty()) {
            problems.add(
                text.error(node, "the title heading is empty; write the lesson's title after '# '")
                    .error());
          }
        }
        continue;
      }
      if (node instanceof Heading heading && heading.getLevel() == 2) {
        String stepTitle = Inlines.plainText(heading).trim();
        if (stepTitle.isEmpty()) {
          problems.add(
              text.error(node, "the step heading is empty; write the step's title after '## '")
                  .error());
        }
        current = new StepBuilder(steps.size() + 1, stepTitle, text.line(node), text);
        steps.add(current);
        continue;
      }
      if (current == null) {
        intro.add(node);
      } else {
        current.add(node);
      }
    }

    if (!titleSeen) {
      problems.add(
          new LessonError(
              file, 1, "missing title: the lesson must start with a '# Title' heading"));
    }
    if (steps.isEmpty()) {
      problems.add(
          new LessonError(file, 1, "no steps: each step starts with a '## Step title' heading"));
    }
    LessonReferences references = new LessonReferences(text, probes);
    Prose introProse = Prose.of(intro, intro.isEmpty() ? 1 : text.line(intro.get(0)));
    references.intro(introProse);
    List<Step> built = new ArrayList<>();
    for (StepBuilder step : steps) {
      try {
        Step done = step.build();
        references.step(done);
        built.add(done);
      } catch (LessonException e) {
        problems.addAll(e.errors());
      }
    }
    if (!problems.isEmpty()) {
      throw located(problems);
    }
    return new Lesson(number, id, fileStem, file, title, introProse, built, needs, cleanup);
  }

  /** The problems sorted by position, at most {@link #MAX_ERRORS} and a note on the rest. */
  private static LessonException located(List<LessonError> problems) {
    List<LessonError> sorted = new ArrayList<>(problems);
    sorted.sort(IN_FILE_ORDER);
    if (sorted.size() > MAX_ERRORS) {
      LessonError next = sorted.get(MAX_ERRORS);
      int more = sorted.size() - MAX_ERRORS;
      sorted = new ArrayList<>(sorted.subList(0, MAX_ERRORS));
      sorted.add(
          new LessonError(
              next.file(),
              next.line(),
              next.column(),
              "and " + more + " more problems from here on; fix the ones above first"));
    }
    return new LessonException(sorted);
  }

  /** Why the file's name cannot name a lesson, or null. */
  static String fileNameProblem(Path file) {
    String name = file.getFileName().toString();
    if (name.chars().anyMatch(c -> VisibleText.isControl((char) c))) {
      return "the file name has a control character; rename the file";
    }
    String id = stem(file).replaceFirst("^\\d+[-_]", "");
    if (!LESSON_ID.matcher(id).matches() || id.chars().allMatch(Character::isDigit)) {
      return "the lesson id '"
          + id
          + "' (the file name after its number) must start with a letter or digit, hold only"
          + " letters, digits, '.', '_' and '-', and not be a bare number";
    }
    return null;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Whether a fenced block's info string names a shell, so its lines are commands to run. */
  static boolean isShell(FencedCodeBlock block) {
    String info = block.getInfo() == null ? "" : block.getInfo().trim().toLowerCase(Locale.ROOT);
    String lang = info.isEmpty() ? "" : info.split("\\s+")[0];
    return lang.equals("sh")
        || lang.equals("shell")
        || lang.equals("bash")
        || lang.equals("console");
  }
}
