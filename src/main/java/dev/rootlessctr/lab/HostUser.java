package dev.rootlessctr.lab;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Path;

/** The person running the shell, as the host knows them. */
public record HostUser(String name, long uid, long gid, Path home) {

  public static HostUser current() {
    UnixSystem system = new UnixSystem();
    return new HostUser(system.getUsername(), system.getUid(), system.getGid(), Path.of(System.getProperty("user.home")));
  }

  public boolean isRoot() {
    return uid == 0;
  }
}
