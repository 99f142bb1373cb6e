package dev.rootlessctr.lesson;

import java.util.Set;
import java.util.stream.Collectors;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.commonmark.renderer.markdown.MarkdownWriter;

/**
 * A stable text form of a parsed lesson, for golden files. Prose is written back as markdown by
 * commonmark's own renderer, with each placeholder as {@code {{name}}}: it shows what the tree
 * holds, so a golden file still reads like the lesson.
 */
final class LessonDump {

  private static final MarkdownRenderer MARKDOWN =
      MarkdownRenderer.builder()
          .nodeRendererFactory(
              new MarkdownNodeRendererFactory() {
                @Override
                public NodeRenderer create(MarkdownNodeRendererContext context) {
                  return new PlaceholderMarkdown(context);
                }

                @Override
                public Set<Character> getSpecialCharacters() {
                  return Set.of();
                }
              })
          .build();

  private LessonDump() {}

  static String dump(Lesson lesson) {
    StringBuilder out = new StringBuilder();
    out.append("lesson ")
        .append(lesson.number())
        .append(' ')
        .append(lesson.id())
        .append(": ")
        .append(lesson.title())
        .append('\n');
    out.append("needs: ")
        .append(
            lesson.needs().stream().map(Requirement::tag).sorted().collect(Collectors.joining(" ")))
        .append('\n');
    lesson.cleanup().forEach(c -> out.append("cleanup: ").append(c).append('\n'));
    out.append("intro:\n").append(indent(lesson.intro()));
    for (Step step : lesson.steps()) {
      out.append("\nstep ")
          .append(step.number())
          .append(" (line ")
          .append(step.line())
          .append("): ")
          .append(step.title())
          .append('\n');
      out.append("  text:\n").append(indent(step.text()));
      step.commands()
          .forEach(
              c -> {
                out.append("  command (line ")
                    .append(c.line())
                    .append("): ")
                    .append(c.text())
                    .append('\n');
                c.input()
                    .forEach(typed -> out.append("    typed into it: ").append(typed).append('\n'));
              });
      step.edits()
          .forEach(
              e ->
                  out.append("  edit (line ")
                      .append(e.line())
                      .append("): ")
                      .append(e.file())
                      .append(' ')
                      .append(e.pointer())
                      .append('\n'));
      step.whileRunning()
          .forEach(e -> out.append("  while it runs: ").append(describe(e)).append('\n'));
      step.expectations().forEach(e -> out.append("  expect: ").append(describe(e)).append('\n'));
      out.append("  explain:\n").append(indent(step.explanation()));
      step.hints().forEach(h -> out.append("  hint:\n").append(indent(h)));
      step.mistakes()
          .forEach(
              m ->
                  out.append("  mistake `")
                      .append(m.pattern())
                      .append("`")
                      .append(
                          m.when().isEmpty() ? "" : " when " + new java.util.TreeMap<>(m.when()))
                      .append(":\n")
                      .append(indent(m.explanation())));
      step.inside()
          .forEach(
              c ->
                  out.append("  inside ")
                      .append(c.line())
                      .append(": ")
                      .append(c.text())
                      .append("\n"));
      if (!step.recap().isEmpty()) {
        out.append("  recap:\n").append(indent(step.recap()));
      }
      if (!step.needs().isEmpty()) {
        out.append("  needs: ")
            .append(
                step.needs().stream()
                    .map(Requirement::tag)
                    .sorted()
                    .collect(Collectors.joining(" ")))
            .append("\n");
      }
      if (!step.cannot().isEmpty()) {
        out.append("  if the host cannot:\n").append(indent(step.cannot()));
      }
    }
    return out.toString();
  }

  private static String describe(Expectation e) {
    if (e instanceof Expectation.OutputMatches m) {
      return "OutputMatches[pattern=" + m.pattern().pattern() + ", line=" + m.line() + "]";
    }
    return e.toString();
  }

  private static String indent(Prose prose) {
    return indent(MARKDOWN.render(prose.document()));
  }

  private static String indent(String text) {
    if (text.isBlank()) {
      return "";
    }
    return text.lines().map(l -> "    | " + l).collect(Collectors.joining("\n")) + "\n";
  }

  /** Writes placeholders as the lesson wrote them, and code holding them as code. */
  private static final class PlaceholderMarkdown implements NodeRenderer {
    private final MarkdownWriter writer;

    PlaceholderMarkdown(MarkdownNodeRendererContext context) {
      this.writer = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Placeholder.class, PlaceholderCode.class, PlaceholderCodeBlock.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Placeholder placeholder) {
        writer.raw("{{" + placeholder.name() + "}}");
      } else if (node instanceof PlaceholderCode) {
        writer.raw("`" + literal(node) + "`");
      } else if (node instanceof PlaceholderCodeBlock block) {
        writer.raw("```" + (block.info() == null ? "" : block.info()));
        writer.line();
        for (String line : literal(node).split("\n")) {
          writer.raw(line);
          writer.line();
        }
        writer.raw("```");
        writer.block();
      }
    }

    private static String literal(Node parent) {
      StringBuilder out = new StringBuilder();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        out.append(
            child instanceof Placeholder p ? "{{" + p.name() + "}}" : ((Text) child).getLiteral());
      }
      return out.toString();
    }
  }
}
