package dev.rootlessctr.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * level-three headings named Check, Explain, Hints and Mistakes hold the step's data. Anything
 * else is text for the learner. See {@code lessons/README.md}.
 */
public final class LessonParser {

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
    String source = Files.readString(file, StandardCharsets.UTF_8);
    return parse(file, number, source);
  }

  Lesson parse(Path file, int number, String source) throws LessonException {
    SourceText text = new SourceText(file);
    Node document = MARKDOWN.parse(source);
    String fileStem = stem(file);
    String id = fileStem.replaceFirst("^\\d+[-_]", "");

    String title = null;
    List<Node> intro = new ArrayList<>();
    Set<String> needs = new LinkedHashSet<>();
    List<CleanupItem> cleanup = new ArrayList<>();
    List<StepBuilder> steps = new ArrayList<>();
    StepBuilder current = null;

    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof HtmlBlock html && Directives.isDirective(html)) {
        Directives.read(html, text, needs, cleanup);
        continue;
      }
      if (node instanceof Heading heading && heading.getLevel() == 1) {
        if (title != null) {
          throw text.error(node, "a lesson has one level-one heading (its title); found a second one");
        }
        if (current != null) {
          throw text.error(node, "the title (# heading) must come before the first step (## heading)");
        }
        title = Inlines.plainText(heading).trim();
        continue;
      }
      if (node instanceof Heading heading && heading.getLevel() == 2) {
        current = new StepBuilder(steps.size() + 1, Inlines.plainText(heading).trim(), text.line(node), text);
        steps.add(current);
        continue;
      }
      if (current == null) {
        intro.add(node);
      } else {
        current.add(node);
      }
    }

    if (title == null) {
      throw new LessonException(new LessonError(file, 1, "missing title: the lesson must start with a '# Title' heading"));
    }
    if (steps.isEmpty()) {
      throw new LessonException(new LessonError(file, 1, "no steps: each step starts with a '## Step title' heading"));
    }
    LessonReferences references = new LessonReferences(text, probes);
    Prose introProse = Prose.of(intro, intro.isEmpty() ? 1 : text.line(intro.get(0)));
    references.intro(introProse);
    List<Step> built = new ArrayList<>();
    for (StepBuilder step : steps) {
      Step done = step.build();
      references.step(done);
      built.add(done);
    }
    return new Lesson(number, id, fileStem, file, title, introProse, built, needs, cleanup);
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
    return lang.equals("sh") || lang.equals("shell") || lang.equals("bash") || lang.equals("console");
  }
}
