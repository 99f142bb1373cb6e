package dev.rootlessctr.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The person running the shell, as the host knows them: the one answer to "who is the user" for the
 * lab, the probes and the doctor.
 *
 * @param name the passwd name, or the uid as text when the host has none
 * @param uid the effective uid; -1 only for {@link #unknown()}
 * @param gid the effective gid
 * @param groups the effective gid and the supplementary groups
 * @param home the home the user's shell uses (see {@link #of})
 */
public record HostUser(String name, long uid, long gid, Set<Long> groups, Path home) {

  public HostUser {
    groups = Set.copyOf(groups);
  }

  /** This process's user, from {@code /proc/self/status} and {@code /etc/passwd}. */
  public static HostUser current(Map<String, String> env) {
    try {
      return of(ProcStatus.read(Path.of("/proc/self/status")), AccountBook.etc(), env);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tell who you are: " + e.getMessage(), e);
    }
  }

  /** This process's user with this process's environment. */
  public static HostUser current() {
    return current(System.getenv());
  }

  /**
   * The user whose ids {@code status} holds, named by {@code accounts}, with the home their shell
   * uses: {@code $HOME} when it names an existing directory, else the password database's. The
   * learner's commands, {@code ~} in checks and the cleanup list all expand {@code $HOME}; the
   * lessons' {@code {{home}}} must be the same directory, or lesson 6 would mount one home and
   * check another.
   */
  public static HostUser of(ProcStatus status, AccountBook accounts, Map<String, String> env) {
    long uid = status.effectiveUid();
    Optional<Account> account;
    try {
      account = accounts.user(uid);
    } catch (IOException unreadable) {
      account = Optional.empty(); // a name is a nicety; the ids are what count
    }
    String name = account.map(Account::name).orElse(Long.toString(uid));
    Path passwdHome =
        account
            .map(Account::home)
            .filter(h -> h.startsWith("/"))
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home")));
    return new HostUser(name, uid, status.effectiveGid(), status.groups(), home(env, passwdHome));
  }

  /** A user nobody could identify (no readable status file); never root. */
  public static HostUser unknown() {
    return new HostUser("an unknown user", -1, -1, Set.of(), Path.of("/"));
  }

  static Path home(Map<String, String> env, Path passwdHome) {
    String home = env.get("HOME");
    if (home != null && home.startsWith("/") && Files.isDirectory(Path.of(home))) {
      return Path.of(home).normalize();
    }
    return passwdHome;
  }

  /** False only for {@link #unknown()}. */
  public boolean known() {
    return uid >= 0;
  }

  public boolean isRoot() {
    return uid == 0;
  }
}
