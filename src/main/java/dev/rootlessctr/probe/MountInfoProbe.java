package dev.rootlessctr.probe;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mountinfo PID|NAME PATH}: something is mounted at PATH inside the container. */
final class MountInfoProbe implements Probe {

  @Override
  public String name() {
    return "mountinfo";
  }

  @Override
  public String usage() {
    return "mountinfo PID|NAME PATH";
  }

  @Override
  public List<String> valueNames() {
    return List.of("mountPoint", "root", "options", "source", "fsType");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 2, 2);
    String path = PathWords.withoutTrailingSlash(args.get(1));
    String expected = "a mount at " + path + " inside " + args.get(0);
    if (!path.startsWith("/")) {
      return ProbeResult.fail(
          expected, path + " is relative: name the mount point as the container sees it, from /");
    }
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      List<MountInfoLine> mounts = read(process);
      // Mounts stack; the last one at a mount point is the one processes see.
      Optional<MountInfoLine> found =
          mounts.stream().filter(mount -> mount.mountPoint().equals(path)).reduce((a, b) -> b);
      if (found.isEmpty()) {
        return ProbeResult.fail(
            expected,
            "nothing is mounted at "
                + path
                + " in "
                + process.label()
                + " ("
                + mounts.size()
                + " mounts); runc reads the mounts from config.json only when it creates the"
                + " container, so a mount added later needs a new container");
      }
      MountInfoLine mount = found.get();
      return ProbeResult.pass(
          expected,
          mount.root()
              + " on "
              + mount.source()
              + " ("
              + mount.fsType()
              + ") is mounted at "
              + mount.mountPoint()
              + " with "
              + mount.options(),
          Map.of(
              "mountPoint", mount.mountPoint(),
              "root", mount.root(),
              "options", mount.options(),
              "source", mount.source(),
              "fsType", mount.fsType()));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static List<MountInfoLine> read(ContainerProcess process) throws Unmet, IOException {
    Path file = process.procDir().resolve("mountinfo");
    try {
      return LenientText.lines(file).stream()
          .flatMap(line -> MountInfoLine.parse(line).stream())
          .toList();
    } catch (NoSuchFileException gone) {
      throw new Unmet(process.label() + " has no mountinfo: has it just exited?");
    }
  }
}
