package dev.rootlessctr.doctor;

import dev.rootlessctr.render.Ansi;
import dev.rootlessctr.render.WordWrap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Renders a report as a table for the terminal: one row per finding, details under the others.
 *
 * <p>Passing findings take one row; warnings and failures add why it matters, what was checked, the
 * fix and the lessons affected.
 */
public final class ReportRenderer {

  /** Whether to use colour and symbols or plain ASCII. */
  public enum Mode {
    /** ✔ ! ✘ in green, yellow, red; the titles of warnings and failures in yellow and red. */
    COLOUR,
    /**
     * {@code ok}, {@code warn}, {@code FAIL} in green, yellow, red: a colour terminal under a POSIX
     * locale, which shows no Unicode marks.
     */
    COLOUR_ASCII,
    /** {@code ok}, {@code warn}, {@code FAIL} and no escape sequences. */
    PLAIN;

    /** The mode for a terminal: colour or not, Unicode or not. */
    public static Mode of(boolean colour, boolean unicode) {
      return !colour ? PLAIN : unicode ? COLOUR : COLOUR_ASCII;
    }
  }

  private static final int MARK_WIDTH = 4;
  private static final int MAX_TITLE_WIDTH = 28;
  private static final int MIN_TEXT_WIDTH = 20;
  private static final String INDENT = " ".repeat(1 + MARK_WIDTH + 2);

  private final Mode mode;
  private final int width;
  private final Function<String, List<String>> lessonsByTag;

  /**
   * A renderer.
   *
   * @param width the terminal width to wrap to
   * @param lessonsByTag the lessons that need a requirement tag, e.g. {@code lesson 4 (Run)}
   */
  public ReportRenderer(Mode mode, int width, Function<String, List<String>> lessonsByTag) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.width = width;
    this.lessonsByTag = Objects.requireNonNull(lessonsByTag, "lessonsByTag");
  }

  /** The report as styled text; see {@link #toText} for what to print. */
  public AttributedString render(DoctorReport report) {
    return render(report, false);
  }

  /**
   * The report as styled text; {@code brief} folds the passing findings into one line and gives the
   * others what was seen, the fix and the lessons affected (for the first start, where the whole
   * table would push the lesson off the screen).
   */
  public AttributedString render(DoctorReport report, boolean brief) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    block(
        out,
        "",
        "Host: "
            + report.distro().prettyName()
            + ", user "
            + report.userName()
            + " (uid "
            + report.uid()
            + ")",
        AttributedStyle.DEFAULT);
    out.append("\n");
    List<Finding> shown =
        report.findings().stream().filter(f -> !brief || f.status() != Status.PASS).toList();
    int titleWidth =
        Math.min(MAX_TITLE_WIDTH, shown.stream().mapToInt(f -> f.title().length()).max().orElse(0));
    if (brief) {
      List<String> passed =
          report.findings().stream()
              .filter(f -> f.status() == Status.PASS)
              .map(Finding::title)
              .toList();
      if (!passed.isEmpty()) {
        out.append(" ")
            .styled(markStyle(Status.PASS), mark(Status.PASS))
            .append(" ".repeat(MARK_WIDTH - mark(Status.PASS).length() + 2));
        List<String> lines =
            WordWrap.wrap(
                passed.size() + " checks passed: " + String.join(", ", passed) + ".",
                Math.max(MIN_TEXT_WIDTH, width - INDENT.length()));
        for (int i = 0; i < lines.size(); i++) {
          out.append(i == 0 ? "" : INDENT).append(lines.get(i)).append("\n");
        }
      }
    }
    for (Finding finding : shown) {
      row(out, finding, titleWidth);
      if (finding.status() != Status.PASS) {
        details(out, finding, brief);
      }
    }
    out.append("\n");
    summary(out, report);
    return out.toAttributedString();
  }

  /** The report as text to print: ANSI colours unless {@link Mode#PLAIN}. */
  public String toText(DoctorReport report) {
    return toText(report, false);
  }

  /** As {@link #toText(DoctorReport)}, brief as {@link #render(DoctorReport, boolean)} says. */
  public String toText(DoctorReport report, boolean brief) {
    AttributedString text = render(report, brief);
    return mode == Mode.PLAIN ? text.toString() : Ansi.of(text);
  }

  private void row(AttributedStringBuilder out, Finding finding, int titleWidth) {
    out.append(" ");
    String mark = mark(finding.status());
    out.styled(markStyle(finding.status()), mark);
    out.append(" ".repeat(MARK_WIDTH - mark.length() + 2));
    String title = finding.title();
    int textColumn = 1 + MARK_WIDTH + 2 + titleWidth + 2;
    int textWidth = width - textColumn;
    if (title.length() > titleWidth || textWidth < MIN_TEXT_WIDTH) {
      // Too narrow for two columns: the seen text goes under the title.
      out.styled(titleStyle(finding.status()), title).append("\n");
      block(out, INDENT, finding.seen(), AttributedStyle.DEFAULT);
      return;
    }
    out.styled(titleStyle(finding.status()), pad(title, titleWidth)).append("  ");
    List<String> lines = WordWrap.wrap(finding.seen(), textWidth);
    String continuation = " ".repeat(textColumn);
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == 0 ? "" : continuation).append(lines.get(i)).append("\n");
    }
  }

  private void details(AttributedStringBuilder out, Finding finding, boolean brief) {
    if (!brief) {
      labelled(out, "why", finding.why());
      labelled(out, "checked", finding.checked());
    }
    labelled(out, "fix", finding.fix());
    List<String> lessons = lessonsByTag.apply(finding.requirement().tag());
    if (lessons != null && !lessons.isEmpty()) {
      labelled(out, "affects", String.join(", ", lessons));
    }
  }

  private void labelled(AttributedStringBuilder out, String label, String text) {
    if (text.isEmpty()) {
      return;
    }
    String lead = INDENT + label + ": ";
    String hanging = " ".repeat(lead.length());
    List<String> lines = WordWrap.wrap(text, Math.max(MIN_TEXT_WIDTH, width - lead.length()));
    for (int i = 0; i < lines.size(); i++) {
      if (i == 0) {
        out.append(INDENT).styled(labelStyle(), label + ":").append(" ");
      } else {
        out.append(hanging);
      }
      out.append(lines.get(i)).append("\n");
    }
  }

  private void block(
      AttributedStringBuilder out, String indent, String text, AttributedStyle style) {
    for (String line : WordWrap.wrap(text, Math.max(MIN_TEXT_WIDTH, width - indent.length()))) {
      out.append(indent).styled(style, line).append("\n");
    }
  }

  private void summary(AttributedStringBuilder out, DoctorReport report) {
    long passed = count(report, Status.PASS);
    long warnings = count(report, Status.WARN);
    long failures = count(report, Status.FAIL);
    String counts =
        passed
            + " passed, "
            + warnings
            + (warnings == 1 ? " warning, " : " warnings, ")
            + failures
            + (failures == 1 ? " failure" : " failures");
    if (report.ok()) {
      block(out, "", counts + ": nothing blocks the course.", AttributedStyle.DEFAULT);
    } else {
      String ids = String.join(", ", report.blockers().stream().map(Finding::id).toList());
      block(out, "", counts + ". Blocking: " + ids + ".", markStyle(Status.FAIL));
    }
    report
        .installOffer()
        .ifPresent(
            offer -> {
              out.append("\n");
              String how =
                  switch (offer.sudo()) {
                    case NOT_NEEDED, PASSWORDLESS -> "To install what is missing:";
                    case WITH_PASSWORD ->
                        "To install what is missing (sudo will ask for your password):";
                    case UNAVAILABLE ->
                        "To install what is missing, ask someone who can use sudo to run:";
                  };
              block(out, "", how, AttributedStyle.DEFAULT);
              out.append("  ").append(offer.display()).append("\n");
            });
  }

  private static long count(DoctorReport report, Status status) {
    return report.findings().stream().filter(f -> f.status() == status).count();
  }

  private String mark(Status status) {
    if (mode != Mode.COLOUR) {
      return switch (status) {
        case PASS -> "ok";
        case WARN -> "warn";
        case FAIL -> "FAIL";
      };
    }
    return switch (status) {
      case PASS -> "✔";
      case WARN -> "!";
      case FAIL -> "✘";
    };
  }

  private AttributedStyle markStyle(Status status) {
    if (mode == Mode.PLAIN) {
      return AttributedStyle.DEFAULT;
    }
    return switch (status) {
      case PASS -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case WARN -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
      case FAIL -> AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    };
  }

  // Only what needs attention stands out; a passing title stays plain.
  private AttributedStyle titleStyle(Status status) {
    return status == Status.PASS || mode == Mode.PLAIN
        ? AttributedStyle.DEFAULT
        : markStyle(status).boldOff();
  }

  private AttributedStyle labelStyle() {
    return mode == Mode.PLAIN ? AttributedStyle.DEFAULT : AttributedStyle.DEFAULT.faint();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
