package dev.rootlessctr.doctor;

import dev.rootlessctr.render.Glyphs;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The host diagnosis as a command: runs every check and prints the report for a person or a script.
 * The command line is read by the front end ({@code cli.DoctorCommandLine}).
 */
public final class DoctorCommand {

  private final DoctorInputs inputs;
  private final Function<String, List<String>> lessonsByTag;
  private final ReportRenderer.Mode mode;
  private final int width;

  /**
   * A command that examines {@code inputs}' host.
   *
   * @param lessonsByTag the lessons needing a requirement tag, for "affects:" lines
   * @param mode colour or plain text for the table
   * @param width the terminal width to wrap to
   */
  public DoctorCommand(
      DoctorInputs inputs,
      Function<String, List<String>> lessonsByTag,
      ReportRenderer.Mode mode,
      int width) {
    this.inputs = inputs;
    this.lessonsByTag = lessonsByTag;
    this.mode = mode;
    this.width = width;
  }

  /**
   * Runs the doctor and prints the report: a table, or a JSON document when {@code json}. Returns 0
   * when nothing blocks the course, 1 when something does.
   */
  public int run(boolean json, PrintWriter out) {
    DoctorReport report = Doctor.forHost(inputs).run();
    if (json) {
      out.println(new JsonReport(lessonsByTag).toJson(report));
    } else {
      String text = new ReportRenderer(mode, width, lessonsByTag).toText(report);
      // Under a POSIX locale the output is ASCII: stand-ins instead of question marks.
      out.print(Glyphs.unicode(Glyphs.localeCharset()) ? text : Glyphs.ascii(text));
    }
    out.flush();
    return report.ok() ? 0 : 1;
  }
}
