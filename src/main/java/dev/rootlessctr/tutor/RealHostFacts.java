package dev.rootlessctr.tutor;

import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link HostFacts} read from this machine: file owners, and a tool's own list of subcommands. */
final class RealHostFacts implements HostFacts {

  /**
   * A subcommand row of a usage text: urfave/cli's " state output ..." or cobra's " copy Copy ...".
   */
  private static final Pattern ROW =
      Pattern.compile("^ {2,4}([a-z][a-z0-9-]*)(?:, [a-z]+)*(?: {2,}|\\t)\\S");

  private static final Set<String> SECTION = Set.of("COMMANDS:", "Available Commands:");

  private final long uid;
  private final ProcessRunner processes = ProcessRunner.system();

  RealHostFacts(long uid) {
    this.uid = uid;
  }

  @Override
  public Optional<String> foreignOwner(Path dir) {
    return HostFacts.foreignOwnerOf(dir, uid);
  }

  @Override
  public Set<String> subcommands(String program) {
    if (!program.matches("[A-Za-z0-9._-]+")) {
      return Set.of();
    }
    // runc is in /usr/sbin, which a normal user's PATH (and so this JVM's) may lack.
    Optional<Path> found =
        List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")
            .stream()
            .map(dir -> Path.of(dir, program))
            .filter(java.nio.file.Files::isExecutable)
            .findFirst();
    if (found.isEmpty()) {
      return Set.of();
    }
    try {
      var help =
          processes.run(
              List.of(found.get().toString(), "--help"),
              Path.of("/"),
              Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
              Duration.ofSeconds(2));
      return parse(help.stdout() + "\n" + help.stderr());
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /** The subcommand names listed under a usage text's COMMANDS: heading. */
  static Set<String> parse(String usage) {
    Set<String> names = new LinkedHashSet<>();
    boolean inSection = false;
    for (String line : usage.split("\n")) {
      if (SECTION.contains(line.strip())) {
        inSection = true;
        continue;
      }
      if (inSection && !line.isBlank() && !line.startsWith(" ")) {
        inSection = false; // the next heading
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.find()) {
        names.add(row.group(1));
      }
    }
    return names;
  }
}
