package dev.rootlessctr.shell;

import dev.rootlessctr.render.Ansi;
import java.nio.file.Path;
import org.jline.utils.AttributedStringBuilder;

/** The prompt: lesson, step and directory, e.g. {@code [2 unpack 1/3] ~/rootless-ctr-lab $ }. */
final class Prompt {

  private final Printer printer;
  private final Path home;
  private final String course;

  /**
   * {@code course} is put first in the brackets ({@code [deeper 1 lifecycle 1/7]}), if not empty.
   */
  Prompt(Printer printer, Path home, String course) {
    this.printer = printer;
    this.home = home;
    this.course = course;
  }

  String render(Session session, Path cwd) {
    AttributedStringBuilder out = new AttributedStringBuilder();
    session
        .position()
        .ifPresent(
            p -> {
              String done =
                  session.isComplete(p) ? (printer.style().symbols() ? " ✔" : " done") : "";
              out.append(
                  "["
                      + (course.isEmpty() ? "" : course + " ")
                      + p.lesson().number()
                      + " "
                      + p.lesson().id()
                      + " "
                      + p.stepNumber()
                      + "/"
                      + p.lesson().steps().size()
                      + done
                      + "] ",
                  printer.style().accent());
            });
    out.append(shortPath(cwd), printer.style().heading());
    out.append(" $ ");
    return printer.shown(
        printer.style().color() ? Ansi.of(out.toAttributedString()) : out.toString());
  }

  private String shortPath(Path cwd) {
    if (cwd.equals(home)) {
      return "~";
    }
    return cwd.startsWith(home) ? "~/" + home.relativize(cwd) : cwd.toString();
  }
}
