package dev.rootlessctr.probe;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Who the learner is: the user the shell runs as.
 *
 * <p>Probes compare owners and uid mappings with this. It is an interface so a test running as root
 * can say "the learner is uid 1001" while it drives runc as that user.
 */
@FunctionalInterface
public interface LearnerIds {

  UnixIds of(ProbeContext context) throws IOException;

  /** The real uid and gid of the shell, from {@code PROCROOT/self/status}. */
  static LearnerIds fromProcSelfStatus() {
    return context -> {
      Path status = context.procRoot().resolve("self/status");
      long uid = -1;
      long gid = -1;
      for (String line : LenientText.lines(status)) {
        if (line.startsWith("Uid:")) {
          uid = firstNumber(line);
        } else if (line.startsWith("Gid:")) {
          gid = firstNumber(line);
        }
      }
      if (uid < 0 || gid < 0) {
        throw new IOException(status + " has no Uid: or Gid: line");
      }
      return new UnixIds(uid, gid);
    };
  }

  /** Always the same ids, whoever runs the JVM. */
  static LearnerIds fixed(UnixIds ids) {
    return context -> ids;
  }

  // "Uid:\t1001\t1001\t1001\t1001": real, effective, saved, filesystem; the real id is first.
  private static long firstNumber(String statusLine) {
    return Long.parseLong(statusLine.substring(4).trim().split("\\s+")[0]);
  }
}
