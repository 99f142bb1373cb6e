package dev.rootlessctr.mirror;

import java.util.Locale;

/**
 * Where {@code docker.io} pulls go: the built-in mirror ({@code offline}, the default), Docker Hub
 * itself ({@code online}), or the instructor's registry for the room ({@code workshop=HOST:PORT}).
 */
public record RegistryMode(Kind kind, String workshopAddress) {

  /** The three modes. */
  public enum Kind {
    OFFLINE,
    ONLINE,
    WORKSHOP
  }

  public static RegistryMode offline() {
    return new RegistryMode(Kind.OFFLINE, null);
  }

  /** Parses {@code offline}, {@code online} or {@code workshop=HOST:PORT}; null means offline. */
  public static RegistryMode parse(String text) {
    if (text == null || text.isBlank()) {
      return offline();
    }
    String value = text.strip();
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("offline")) {
      return offline();
    }
    if (lower.equals("online")) {
      return new RegistryMode(Kind.ONLINE, null);
    }
    if (lower.startsWith("workshop=")) {
      String address = value.substring("workshop=".length());
      try {
        return new RegistryMode(Kind.WORKSHOP, HostPort.parse(address).toString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "workshop=HOST:PORT, e.g. workshop=192.168.1.10:5000 (found '"
                + address
                + "': "
                + e.getMessage()
                + ")");
      }
    }
    throw new IllegalArgumentException(
        "registry mode is offline, online or workshop=HOST:PORT (found '" + value + "')");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case OFFLINE -> "offline (built-in mirror)";
      case ONLINE -> "online (Docker Hub)";
      case WORKSHOP -> "workshop (registry at " + workshopAddress + ")";
    };
  }
}
