package dev.rootlessctr.lab;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The person running the shell, as the host knows them. */
public record HostUser(String name, long uid, long gid, Path home) {

  public static HostUser current() {
    return current(System.getenv());
  }

  /**
   * The current user, with the home their shell uses: {@code $HOME} when it names an existing
   * directory, else the password database's (which is all Java's {@code user.home} reads). The
   * learner's commands, {@code ~} in checks and the cleanup list all expand {@code $HOME}; the
   * lessons' {@code {{home}}} must be the same directory, or lesson 6 would mount one home and
   * check another.
   */
  public static HostUser current(Map<String, String> env) {
    UnixSystem system = new UnixSystem();
    return new HostUser(system.getUsername(), system.getUid(), system.getGid(), home(env));
  }

  static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    if (home != null && home.startsWith("/") && Files.isDirectory(Path.of(home))) {
      return Path.of(home).normalize();
    }
    return Path.of(System.getProperty("user.home"));
  }

  public boolean isRoot() {
    return uid == 0;
  }
}
