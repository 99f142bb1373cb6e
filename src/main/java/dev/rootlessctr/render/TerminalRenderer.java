package dev.rootlessctr.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.jline.utils.AttributedString;

/**
 * Renders a CommonMark tree for a terminal: styled lines wrapped to a width, with each {@code
 * {{name}}} of a lesson filled from the values given to {@link #render}. Nothing is parsed here:
 * the tree comes from the lesson's parser and is only read.
 *
 * <p>Configured once with a {@link Builder}; every node type is rendered by the {@link
 * NodeRenderer} registered for it (the first factory to claim a type wins, then the placeholder
 * renderer, then {@link CoreTerminalNodeRenderer}). Nesting deeper than {@link
 * Builder#maxDepth(int)} is shown flat, as plain text, so a hostile tree of 20,000 nested quotes
 * neither overflows the stack nor pushes its text off the screen.
 */
public final class TerminalRenderer {

  private final int width;
  private final Style style;
  private final int maxDepth;
  private final List<TerminalNodeRendererFactory> factories;

  private TerminalRenderer(Builder builder) {
    this.width = builder.width;
    this.style = builder.style;
    this.maxDepth = builder.maxDepth;
    List<TerminalNodeRendererFactory> all = new ArrayList<>(builder.factories);
    all.add(PlaceholderNodeRenderer::new);
    all.add(CoreTerminalNodeRenderer::new);
    this.factories = List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Style style() {
    return style;
  }

  /** The lines for {@code root}'s content, without a trailing empty line. */
  public List<AttributedString> render(Node root, Map<String, String> values) {
    Context context = new Context(new TerminalWriter(width), Map.copyOf(values));
    context.render(root);
    return context.writer.lines();
  }

  /** As {@link #render}, as one string: with ANSI escapes when colour is on, else plain. */
  public String renderToAnsi(Node root, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (AttributedString line : render(root, values)) {
      out.append(style.color() ? Ansi.of(line) : line.toString()).append('\n');
    }
    return out.toString();
  }

  /** Immutable configuration, checked at {@link #build()}. */
  public static final class Builder {
    private int width = 80;
    private Style style = Style.of(false);
    private int maxDepth = 32;
    private final List<TerminalNodeRendererFactory> factories = new ArrayList<>();

    private Builder() {}

    /** Columns to wrap to; under 20 counts as 20. */
    public Builder width(int width) {
      this.width = Math.max(width, 20);
      return this;
    }

    public Builder style(Style style) {
      this.style = style;
      return this;
    }

    /** How many nodes deep rendering goes before the rest of a branch is shown flat. */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = maxDepth;
      return this;
    }

    /** A renderer for node types of its own (or to replace the core's rendering of some). */
    public Builder nodeRendererFactory(TerminalNodeRendererFactory factory) {
      factories.add(factory);
      return this;
    }

    public TerminalRenderer build() {
      if (maxDepth < 2) {
        throw new IllegalArgumentException("maxDepth must be at least 2, was " + maxDepth);
      }
      if (style == null) {
        throw new IllegalArgumentException("style is required");
      }
      return new TerminalRenderer(this);
    }
  }

  private final class Context implements TerminalNodeRendererContext {
    private final TerminalWriter writer;
    private final Map<String, String> values;
    private final Map<Class<? extends Node>, NodeRenderer> renderers = new HashMap<>();
    private int depth;

    Context(TerminalWriter writer, Map<String, String> values) {
      this.writer = writer;
      this.values = values;
      for (TerminalNodeRendererFactory factory : factories) {
        NodeRenderer renderer = factory.create(this);
        for (Class<? extends Node> type : renderer.getNodeTypes()) {
          renderers.putIfAbsent(type, renderer);
        }
      }
    }

    @Override
    public TerminalWriter writer() {
      return writer;
    }

    @Override
    public Style style() {
      return style;
    }

    @Override
    public Optional<String> value(String name) {
      return Optional.ofNullable(values.get(name));
    }

    @Override
    public void render(Node node) {
      if (depth >= maxDepth && node.getFirstChild() != null) {
        flat(node);
        return;
      }
      depth++;
      try {
        NodeRenderer renderer = renderers.get(node.getClass());
        if (renderer != null) {
          renderer.render(node);
        } else {
          for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            render(child);
          }
        }
      } finally {
        depth--;
      }
    }

    /** A branch too deep to nest further: its text, in order, as one paragraph or inline run. */
    private void flat(Node branch) {
      StringBuilder text = new StringBuilder();
      Node node = branch.getFirstChild();
      while (node != null) {
        text.append(literal(node));
        if (node.getFirstChild() != null) {
          node = node.getFirstChild();
          continue;
        }
        while (node != branch && node.getNext() == null) {
          node = node.getParent();
        }
        node = node == branch ? null : node.getNext();
      }
      writer.text(text.toString().strip().replaceAll("\\s+", " "));
      if (branch instanceof Block) {
        writer.paragraph(style.dim());
      }
    }

    private String literal(Node node) {
      if (node instanceof Text text) {
        return text.getLiteral();
      }
      if (node instanceof Code code) {
        return code.getLiteral();
      }
      if (node instanceof FencedCodeBlock fence) {
        return " " + fence.getLiteral() + " ";
      }
      if (node instanceof IndentedCodeBlock indented) {
        return " " + indented.getLiteral() + " ";
      }
      if (node instanceof dev.rootlessctr.lesson.Placeholder placeholder) {
        return PlaceholderNodeRenderer.visible(
            values.getOrDefault(placeholder.name(), PlaceholderNodeRenderer.MISSING), false);
      }
      return node instanceof SoftLineBreak || node instanceof HardLineBreak || node instanceof Block
          ? " "
          : "";
    }
  }
}
