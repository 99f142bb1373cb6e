package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.ProcStatus;
import java.io.IOException;

/**
 * Who the learner is: the user the shell runs as.
 *
 * <p>Probes compare owners and uid mappings with this. It is an interface so a test running as root
 * can say "the learner is uid 1001" while it drives runc as that user.
 */
@FunctionalInterface
public interface LearnerIds {

  HostUser of(ProbeContext context) throws IOException;

  /** The shell's own user, from {@code PROCROOT/self/status}, named by {@code accounts}. */
  static LearnerIds fromProcSelfStatus(AccountBook accounts) {
    return context ->
        HostUser.of(
            ProcStatus.read(context.procRoot().resolve("self/status")), accounts, context.env());
  }

  /** Always the same user, whoever runs the JVM. */
  static LearnerIds fixed(HostUser user) {
    return context -> user;
  }
}
