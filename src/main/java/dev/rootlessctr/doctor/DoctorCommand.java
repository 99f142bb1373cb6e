package dev.rootlessctr.doctor;

import dev.rootlessctr.render.Glyphs;
import java.nio.charset.Charset;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code doctor [--json] [--allow-root]} subcommand.
 *
 * <p>Exit status: 0 when nothing blocks the course, 1 when something does, 2 on a usage error.
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

  /** Runs the doctor for {@code args} (the words after {@code doctor}) and prints the report. */
  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    DoctorOptions.ParseResult parsed = DoctorOptions.parse(args);
    if (parsed.options().isEmpty()) {
      err.println("doctor: unknown argument " + parsed.unknown().orElseThrow());
      err.println(DoctorOptions.USAGE);
      err.flush();
      return 2;
    }
    DoctorOptions options = parsed.options().get();
    if (options.help()) {
      out.println(DoctorOptions.USAGE);
      out.println("Diagnoses this host for rootless containers; exit 0 when nothing blocks the"
          + " course, 1 when something does.");
      out.flush();
      return 0;
    }
    DoctorReport report = Doctor.forHost(inputs.withAllowRoot(options.allowRoot())).run();
    if (options.json()) {
      out.println(new JsonReport(lessonsByTag).toJson(report));
    } else {
      String text = new ReportRenderer(mode, width, lessonsByTag).toText(report);
      // Under a POSIX locale the output is ASCII: stand-ins instead of question marks.
      out.print(Glyphs.unicode(Charset.defaultCharset()) ? text : Glyphs.ascii(text));
    }
    out.flush();
    return report.ok() ? 0 : 1;
  }
}
