package dev.rootlessctr.shell;

import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.render.Ansi;
import dev.rootlessctr.render.CodeWordsRenderer;
import dev.rootlessctr.render.Glyphs;
import dev.rootlessctr.render.Style;
import dev.rootlessctr.render.TerminalRenderer;
import dev.rootlessctr.render.WordWrap;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Everything the shell says goes through here: styled on a colour terminal, plain otherwise. */
public final class Printer {

  private final Gate gate;
  private final PrintWriter out;
  private final Style style;
  private final IntSupplier width;

  public Printer(PrintWriter out, Style style, IntSupplier width) {
    this.gate = new Gate(out);
    this.out = new PrintWriter(gate, false);
    this.style = style;
    this.width = width;
  }

  /** From now on nothing is printed: the shell is being stopped and its terminal may be gone. */
  public void mute() {
    gate.closed = true;
  }

  /** Passes text on until muted. */
  private static final class Gate extends java.io.Writer {
    private final PrintWriter target;
    private volatile boolean closed;

    Gate(PrintWriter target) {
      this.target = target;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      if (!closed) {
        target.write(chars, offset, length);
      }
    }

    @Override
    public void flush() {
      if (!closed) {
        target.flush();
      }
    }

    @Override
    public void close() {
      flush();
    }
  }

  public Style style() {
    return style;
  }

  public int width() {
    return Math.min(rawWidth(), 100);
  }

  /** The terminal's width in columns, uncapped: where the terminal itself wraps. */
  public int rawWidth() {
    int w;
    try {
      w = width.getAsInt();
    } catch (IllegalStateException e) {
      // The terminal was closed under the shell (its window shut): what is still printed on the
      // way out goes nowhere, and must not stop the cleanup that follows it.
      w = 80;
    }
    return w <= 0 ? 80 : w;
  }

  /**
   * Lesson text, rendered from its tree; each {@code {{name}}} shows its value from {@code values}
   * as literal text, or "(not measured)" when {@code values} lacks it.
   */
  public void markdown(Prose prose, Map<String, String> values) {
    markdown(prose, values, UnaryOperator.identity());
  }

  /**
   * As {@link #markdown(Prose, Map)}, with the text of its code passed through {@code codeWords}
   * (the learner's own names for the lesson's).
   */
  public void markdown(Prose prose, Map<String, String> values, UnaryOperator<String> codeWords) {
    TerminalRenderer renderer =
        TerminalRenderer.builder()
            .width(width())
            .style(style)
            .nodeRendererFactory(context -> new CodeWordsRenderer(context, codeWords))
            .build();
    for (AttributedString line : renderer.render(prose.document(), values)) {
      print(line);
    }
    out.flush();
  }

  /** A sentence or more of plain text, wrapped to the width at spaces. */
  public void paragraph(String text) {
    styled(text, AttributedStyle.DEFAULT);
  }

  public void line(String text) {
    out.println(shown(text));
    out.flush();
  }

  /**
   * {@code lead} then {@code text}, its first line wrapped under the lead's width; later lines (a
   * quoted file line and its caret) are printed as they are, indented like the first.
   */
  public void labelled(String lead, String text) {
    String[] lines = text.split("\n", -1);
    String hanging = " ".repeat(lead.length());
    boolean first = true;
    for (AttributedString line :
        WordWrap.wrap(new AttributedString(lines[0]), Math.max(20, width() - lead.length()))) {
      out.println(shown((first ? lead : hanging) + line));
      first = false;
    }
    if (first) {
      out.println(shown(lead.stripTrailing()));
    }
    for (int i = 1; i < lines.length; i++) {
      out.println(shown(hanging + lines[i]));
    }
    out.flush();
  }

  public void blank() {
    out.println();
    out.flush();
  }

  /**
   * One styled paragraph, wrapped to the width with continuation lines indented by {@code indent}.
   */
  public void styled(String text, AttributedStyle s) {
    printWrapped(new AttributedString(text, s), "");
    out.flush();
  }

  public void success(String text) {
    mark(style.symbols() ? "✔ " : "PASS ", text, style.success());
  }

  public void failure(String text) {
    mark(style.symbols() ? "✘ " : "FAIL ", text, style.failure());
  }

  public void warning(String text) {
    mark(style.color() ? "! " : "WARN ", text, style.warning());
  }

  public void note(String text) {
    styled(text, style.dim());
  }

  public void heading(String text) {
    styled(text, style.heading());
    if (!style.color()) {
      line("-".repeat(Math.min(text.length(), width())));
    }
  }

  private void mark(String marker, String text, AttributedStyle s) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    line.append(marker, s).append(text, style.color() ? s : AttributedStyle.DEFAULT);
    printWrapped(line.toAttributedString(), " ".repeat(marker.length()));
    out.flush();
  }

  private void printWrapped(AttributedString text, String indent) {
    boolean first = true;
    for (AttributedString line : WordWrap.wrap(text, width() - indent.length())) {
      print(
          first
              ? line
              : new AttributedStringBuilder().append(indent).append(line).toAttributedString());
      first = false;
    }
  }

  private void print(AttributedString line) {
    out.println(shown(style.color() ? Ansi.of(line) : line.toString()));
  }

  /**
   * Erases the last {@code rows} rows above the cursor, where the terminal takes escape codes (a
   * colour terminal); false, and nothing changed, elsewhere.
   */
  public boolean eraseAbove(int rows) {
    if (!style.color() || rows <= 0) {
      return false;
    }
    out.print("\r\u001b[" + rows + "A\u001b[J");
    out.flush();
    return true;
  }

  /** Preformatted text (a report), as the terminal can show it. */
  public void text(String text) {
    out.print(shown(text));
    out.flush();
  }

  /** The text as this terminal can show it: ASCII stand-ins when it cannot show Unicode. */
  public String shown(String text) {
    return style.unicode() ? text : Glyphs.ascii(text);
  }
}
