package dev.rootlessctr.shell;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Before a lesson that pulls images ({@code needs: mirror}) runs a command, makes sure the lab's
 * skopeo goes through the mirror of the chosen mode: starts the built-in one when offline, and puts
 * the lab's skopeo shim first on the learner's PATH. Online too, where the shim only keeps skopeo's
 * blob cache in the lab. Checked before every command, so a {@code :reset all} that emptied the lab
 * is repaired silently.
 */
final class MirrorWiring implements HostHooks.MirrorHook {

  /** The learner's variable for the built-in mirror's port on 127.0.0.1. */
  static final String PORT_VARIABLE = "MIRROR_PORT";

  private final LabMirror mirror;
  private final ShellState shell;
  private final Path stateDir;
  private final boolean ownsMirror;
  private boolean announced;

  MirrorWiring(LabMirror mirror, ShellState shell, Path labDir) {
    this(mirror, shell, labDir, true);
  }

  /**
   * {@code ownsMirror} false: the launcher keeps {@code mirror} running across a change of course
   * (the lab's skopeo keeps pointing at it) and closes it itself.
   */
  MirrorWiring(LabMirror mirror, ShellState shell, Path labDir, boolean ownsMirror) {
    this.mirror = mirror;
    this.shell = shell;
    this.stateDir = labDir.resolve(".rootless-ctr");
    this.ownsMirror = ownsMirror;
  }

  @Override
  public void beforeLesson(Lesson lesson, Printer printer) {
    if (lesson.uses(Requirement.SLIRP4NETNS)) {
      exportLoopbackPort(printer);
    }
    if (!lesson.needs().contains(Requirement.MIRROR)) {
      return;
    }
    if (Files.isExecutable(stateDir.resolve("bin/skopeo"))
        && shell.env().getOrDefault("PATH", "").startsWith(stateDir.resolve("bin").toString())) {
      return;
    }
    try {
      if (!announced && mirror.mode().kind() == RegistryMode.Kind.OFFLINE) {
        printer.note(
            "Preparing the offline mirror (the busybox image is built from /bin/busybox once, then"
                + " cached)...");
      }
      String path = shell.env().getOrDefault("PATH", "");
      Optional<Path> bin = mirror.wire(stateDir, path);
      if (bin.isPresent()) {
        String without =
            String.join(
                ":",
                List.of(path.split(":")).stream()
                    .filter(p -> !p.equals(bin.get().toString()))
                    .toList());
        shell.put("PATH", bin.get() + ":" + without);
      }
      if (!announced) {
        Path cache = stateDir.resolve("skopeo-data/containers/cache");
        if (mirror.mode().kind() == RegistryMode.Kind.ONLINE) {
          printer.note(
              "Registry: online, skopeo pulls from Docker Hub. The lab's skopeo keeps skopeo's blob"
                  + " cache in "
                  + cache
                  + " instead of ~/.local/share/containers (:reset all removes it).");
        } else {
          printer.note(
              "Registry: "
                  + mirror.mode()
                  + ". skopeo's docker.io pulls go to "
                  + mirror.address().orElse("Docker Hub")
                  + "; the lab's skopeo adds --registries-conf "
                  + stateDir.resolve("registries.conf")
                  + " and says so when it runs,"
                  + " and keeps skopeo's blob cache in "
                  + cache
                  + " instead of ~/.local/share/containers.");
        }
        announced = true;
      }
    } catch (java.nio.file.FileSystemException e) {
      // The lab became unwritable (or a link elsewhere) after the start: say that, not "mirror".
      printer.failure(
          "The lab's skopeo could not be set up: cannot write "
              + e.getFile()
              + " ("
              + (e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : e.getReason())
              + "). Your lab "
              + stateDir.getParent()
              + " must be a folder of yours that you can write.");
    } catch (IOException e) {
      printer.failure("The offline mirror could not start: " + e.getMessage());
    }
  }

  /**
   * Puts the built-in mirror's loopback port in the learner's {@code $MIRROR_PORT}, for a lesson
   * whose container reaches it through slirp4netns (host loopback is slirp's 10.0.2.2). Online and
   * in a workshop the built-in mirror is not the one skopeo uses; it is started all the same, on
   * 127.0.0.1 only, so that such a lesson stays on this machine.
   */
  private void exportLoopbackPort(Printer printer) {
    try {
      String port = Integer.toString(mirror.loopbackPort());
      if (!port.equals(shell.env().get(PORT_VARIABLE))) {
        shell.put(PORT_VARIABLE, port);
        printer.note(
            "The built-in mirror listens on 127.0.0.1:"
                + port
                + (mirror.mode().kind() == RegistryMode.Kind.OFFLINE
                    ? ""
                    : " (started for this lesson, on this machine only; skopeo still uses "
                        + mirror.address().orElse("Docker Hub")
                        + ")")
                + "; $"
                + PORT_VARIABLE
                + " holds its port.");
      }
    } catch (IOException | RuntimeException e) {
      printer.failure(
          "The built-in mirror could not start, so $"
              + PORT_VARIABLE
              + " is not set: "
              + e.getMessage());
    }
  }

  @Override
  public List<String> status() {
    return List.of(
        "Registry:        " + mirror.mode() + mirror.address().map(a -> " at " + a).orElse(""));
  }

  @Override
  public void close() {
    if (ownsMirror) {
      mirror.close();
    }
  }
}
