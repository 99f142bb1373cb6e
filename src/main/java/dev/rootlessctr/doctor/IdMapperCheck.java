package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Looks for privileged newuidmap/newgidmap; only a warning: the first course does not need them,
 * and the lessons that do declare {@code needs: newuidmap}.
 */
final class IdMapperCheck implements Check {

  private static final int SETUID = 04000;
  private static final String WHY =
      "The first course needs neither: `runc spec --rootless` writes a single mapping (container"
          + " uid 0 to your uid, size 1), which you may set up without help. newuidmap and"
          + " newgidmap (setuid root, or with file capabilities) matter only for mappings of many"
          + " ids, as podman and rootless Docker use, and as the deeper course's subids and"
          + " capabilities lessons do (they stop without them).";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "newuidmap",
            "newuidmap/newgidmap",
            Requirement.NEWUIDMAP,
            "newuidmap and newgidmap on your PATH (or in /usr/sbin, /sbin): setuid root or"
                + " file capabilities (getcap)");
    List<String> seen = new ArrayList<>();
    boolean allPrivileged = true;
    for (String[] tool :
        new String[][] {{"newuidmap", "cap_setuid"}, {"newgidmap", "cap_setgid"}}) {
      Optional<Path> found = locate(host, tool[0]);
      if (found.isEmpty()) {
        seen.add(tool[0] + " not installed");
        allPrivileged = false;
        continue;
      }
      String where = host.hostPathOf(found.get());
      Optional<String> privilege = privilege(host, found.get(), tool[1]);
      allPrivileged &= privilege.isPresent();
      seen.add(
          where + privilege.map(p -> " (" + p + ")").orElse(" has neither setuid nor " + tool[1]));
    }
    String text = String.join("; ", seen);
    if (allPrivileged) {
      return draft.pass(text);
    }
    List<String> packages =
        Packages.providing("newuidmap", host.distro().family()).map(List::of).orElse(List.of());
    String fix =
        Packages.installFix(
            "Optional; for multi-id mappings install them:",
            "newuidmap",
            host.distro(),
            host.user().isRoot());
    return draft.outcome(Status.WARN, text, WHY, fix, packages);
  }

  private static Optional<Path> locate(HostView host, String tool) {
    return host.which(tool)
        .or(
            () ->
                ToolCheck.SBIN_DIRS.stream()
                    .map(dir -> host.resolve(dir).resolve(tool))
                    .filter(Files::isRegularFile)
                    .findFirst());
  }

  private static Optional<String> privilege(HostView host, Path file, String capability) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode");
      int owner = (Integer) Files.getAttribute(file, "unix:uid");
      if ((mode & SETUID) != 0 && owner == 0) {
        return Optional.of("setuid root");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Mode and owner unreadable, or no "unix" view on this file system: whether it is setuid
      // cannot be told this way, so file capabilities are the remaining way to find privilege.
    }
    return fileCapabilities(host, file, capability);
  }

  // Java cannot read security.* extended attributes, so ask getcap (from libcap2-bin).
  private static Optional<String> fileCapabilities(HostView host, Path file, String capability) {
    Optional<Path> getcap = locate(host, "getcap");
    if (getcap.isEmpty()) {
      return Optional.empty();
    }
    try {
      Captured captured = host.run(List.of(getcap.get().toString(), file.toString()));
      return Stream.of(captured.stdout().split("\\s+"))
          .filter(word -> word.contains(capability))
          .findFirst()
          .map(word -> "file capability " + word);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
