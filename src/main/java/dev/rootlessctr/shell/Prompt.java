package dev.rootlessctr.shell;

import dev.rootlessctr.render.Ansi;
import java.nio.file.Path;
import org.jline.utils.AttributedStringBuilder;

/** The prompt: lesson, step and directory, e.g. {@code [2 unpack 1/3] ~/rootless-ctr-lab $ }. */
final class Prompt {

  private final Printer printer;
  private final Path home;

  Prompt(Printer printer, Path home) {
    this.printer = printer;
    this.home = home;
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
