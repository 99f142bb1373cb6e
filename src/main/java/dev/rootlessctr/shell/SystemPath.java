package dev.rootlessctr.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Debian and Ubuntu install runc in /usr/sbin, which a normal user's PATH often lacks; without it
 * the learner's first {@code runc} says "command not found". The lab's PATH gets the system
 * directories appended (never prepended), and the shell says so.
 */
public final class SystemPath {

  private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

  private SystemPath() {}

  static void withSbin(Map<String, String> env, Printer printer) {
    List<String> added = appendSbin(env);
    if (!added.isEmpty()) {
      printer.note(
          "Added " + String.join(", ", added) + " to PATH in the lab: runc lives there on Debian.");
    }
  }

  /** Appends the system directories missing from {@code env}'s PATH; returns those it added. */
  public static List<String> appendSbin(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    List<String> entries = new ArrayList<>(Arrays.asList(path.split(":")));
    List<String> added = new ArrayList<>();
    for (String dir : SBIN) {
      if (!entries.contains(dir) && Files.isDirectory(Path.of(dir))) {
        entries.add(dir);
        added.add(dir);
      }
    }
    if (!added.isEmpty()) {
      env.put("PATH", String.join(":", entries));
    }
    return added;
  }
}
