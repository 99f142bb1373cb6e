package dev.rootlessctr.probe;

import dev.rootlessctr.host.RuncState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host process of a container, named either by pid or by container name (looked up with {@code
 * runc state}), and its directory under the proc root.
 */
record ContainerProcess(long pid, String label, Path procDir) {

  static ContainerProcess find(ProbeContext context, String pidOrName) throws Unmet, IOException {
    long pid;
    String label;
    boolean numeric = pidOrName.chars().allMatch(Character::isDigit) && !pidOrName.isEmpty();
    Optional<Long> recorded = numeric ? Optional.empty() : new Runc(context).recordedPid(pidOrName);
    if (numeric) {
      pid = Long.parseLong(pidOrName);
      label = "process " + pid;
    } else if (recorded.isPresent()) {
      pid = recorded.get();
      label = "container " + pidOrName + " (pid " + pid + ")";
    } else {
      RuncState state = new Runc(context).state(pidOrName);
      if (state.pid() <= 0) {
        throw new Unmet(
            "container " + pidOrName + " is " + state.status() + ": it has no process to look at");
      }
      pid = state.pid();
      label = "container " + pidOrName + " (pid " + pid + ")";
    }
    Path procDir = context.procRoot().resolve(Long.toString(pid));
    if (!Files.isDirectory(procDir)) {
      throw new Unmet(label + " is not running: " + procDir + " does not exist");
    }
    return new ContainerProcess(pid, label, procDir);
  }
}
