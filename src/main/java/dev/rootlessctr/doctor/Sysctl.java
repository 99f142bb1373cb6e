package dev.rootlessctr.doctor;

import java.util.Optional;

/** Reads a kernel setting from {@code /proc/sys}. */
final class Sysctl {

  private Sysctl() {}

  /** The setting's value, e.g. {@code read(host, "user.max_user_namespaces")}; empty if absent. */
  static Optional<String> read(HostView host, String name) {
    return host.read(path(name)).map(String::strip);
  }

  static String path(String name) {
    return "/proc/sys/" + name.replace('.', '/');
  }
}
