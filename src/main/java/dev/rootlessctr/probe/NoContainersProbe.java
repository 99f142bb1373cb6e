package dev.rootlessctr.probe;

import dev.rootlessctr.host.RuncState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code no-containers}: the learner has cleaned up; runc lists nothing under the course's root and
 * no {@code runc init} process of the learner's is left behind.
 */
final class NoContainersProbe implements Probe {

  private final LearnerIds learner;

  NoContainersProbe(LearnerIds learner) {
    this.learner = learner;
  }

  @Override
  public String name() {
    return "no-containers";
  }

  @Override
  public String usage() {
    return "no-containers";
  }

  @Override
  public List<String> valueNames() {
    return List.of("count", "names", "leftovers");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 0, 0);
    String expected = "no containers under " + context.runcRoot() + " and no runc init left";
    try {
      List<RuncState> containers = new Runc(context).list();
      List<Long> leftovers = runcInitProcesses(context, learner.of(context).uid());
      Map<String, String> values =
          Map.of(
              "count", Integer.toString(containers.size()),
              "names", RuncListProbe.names(containers),
              "leftovers", Integer.toString(leftovers.size()));
      if (!containers.isEmpty()) {
        return new ProbeResult(
            false,
            expected,
            "runc still lists "
                + containers.size()
                + " container(s) under "
                + context.runcRoot()
                + ": "
                + RuncListProbe.summary(containers),
            values);
      }
      if (!leftovers.isEmpty()) {
        return new ProbeResult(
            false,
            expected,
            "runc lists nothing, but runc init process(es) " + leftovers + " of yours remain",
            values);
      }
      return ProbeResult.pass(
          expected, "runc lists no containers under " + context.runcRoot(), values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static List<Long> runcInitProcesses(ProbeContext context, long uid) throws IOException {
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            context.procRoot(), entry -> isNumber(entry.getFileName().toString()))) {
      for (Path processDir : entries) {
        if (isRuncInitOf(processDir, uid)) {
          found.add(Long.parseLong(processDir.getFileName().toString()));
        }
      }
    }
    return found;
  }

  private static boolean isRuncInitOf(Path processDir, long uid) {
    try {
      // Processes come and go while we look; one that vanished is simply not a leftover.
      long owner = Integer.toUnsignedLong((Integer) Files.getAttribute(processDir, "unix:uid"));
      if (owner != uid) {
        return false;
      }
      // cmdline is argv joined by NUL bytes; runc re-executes itself as "runc init".
      String[] argv =
          new String(Files.readAllBytes(processDir.resolve("cmdline")), StandardCharsets.UTF_8)
              .split("\0");
      return argv.length >= 2
          && argv[0].substring(argv[0].lastIndexOf('/') + 1).equals("runc")
          && argv[1].equals("init");
    } catch (IOException | RuntimeException vanishedOrUnreadable) {
      return false;
    }
  }

  private static boolean isNumber(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
