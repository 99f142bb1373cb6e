package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes sure {@code /bin/busybox} is the static BusyBox the course builds its image from. */
final class BusyboxCheck implements Check {

  static final String BUSYBOX = "/bin/busybox";

  private static final Pattern VERSION = Pattern.compile("BusyBox (v\\S+)");
  private static final String WHY =
      "The course builds its container image from "
          + BUSYBOX
          + ". Only a statically linked"
          + " BusyBox runs inside that image, because the image has none of the host's libraries.";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "busybox",
            "static busybox",
            Requirement.BUSYBOX,
            BUSYBOX + ": ELF program headers (no PT_INTERP means static) and `busybox --help`");
    Path file = host.resolve(BUSYBOX);
    if (!Files.isRegularFile(file)) {
      return missing(host, draft, BUSYBOX + " does not exist");
    }
    Optional<ElfInfo> elf;
    try {
      elf = ElfInfo.read(file);
    } catch (IOException e) {
      return draft.fail("cannot read " + BUSYBOX + ": " + e.getMessage(), WHY, fix(host));
    }
    if (elf.isEmpty()) {
      return missing(host, draft, BUSYBOX + " is not an ELF program (a script or a wrapper?)");
    }
    if (!elf.get().isStatic()) {
      return missing(
          host,
          draft,
          BUSYBOX
              + " is dynamically linked (it asks for the loader "
              + elf.get().interpreter().orElseThrow()
              + "): this is not the static BusyBox");
    }
    return runHelp(host, draft, file);
  }

  private Finding runHelp(HostView host, Finding.Draft draft, Path file) {
    try {
      Captured help = host.run(List.of(file.toString(), "--help"));
      String output = help.stdout() + help.stderr();
      Matcher version = VERSION.matcher(output);
      if (help.succeeded() && version.find()) {
        return draft.pass("static BusyBox " + version.group(1) + " at " + BUSYBOX);
      }
      return draft.fail(
          "static, but `busybox --help` did not answer like BusyBox: "
              + ToolCheck.firstLine(output),
          WHY,
          fix(host));
    } catch (IOException e) {
      return draft.fail("static, but it could not be started: " + e.getMessage(), WHY, fix(host));
    }
  }

  private Finding missing(HostView host, Finding.Draft draft, String seen) {
    Distro distro = host.distro();
    List<String> packages =
        Packages.providing("busybox", distro.family()).map(List::of).orElse(List.of());
    return draft.outcome(Status.FAIL, seen, WHY, fix(host), packages);
  }

  private static String fix(HostView host) {
    String lead =
        host.distro().usesApt()
            ? "Install the static BusyBox (busybox-static replaces the dynamically linked busybox"
                + " package):"
            : "Install it:";
    return Packages.installFix(lead, "busybox", host.distro(), host.user().isRoot());
  }
}
