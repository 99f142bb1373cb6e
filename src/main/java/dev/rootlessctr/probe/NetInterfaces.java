package dev.rootlessctr.probe;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interfaces and the default route of a network namespace, read from a process's {@code
 * /proc/PID/net/dev} and {@code /proc/PID/net/route} (the kernel shows the namespace the process is
 * in). Text that is not shaped like the kernel's is refused with the line that is wrong.
 *
 * @param names the interfaces, in the kernel's order (e.g. {@code lo}, {@code tap0})
 * @param defaultRoute the route to everywhere (destination and mask 0), if the namespace has one
 */
record NetInterfaces(List<String> names, Optional<DefaultRoute> defaultRoute) {

  NetInterfaces {
    names = List.copyOf(names);
  }

  /**
   * The default route: through {@code gateway} (empty: none, the interface's link) on {@code
   * iface}.
   */
  record DefaultRoute(String iface, Optional<String> gateway) {}

  /** A file that is not what the kernel writes; the message names the line. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  // linux/route.h: the route is usable, and goes through a gateway.
  private static final int RTF_UP = 0x1;
  private static final int RTF_GATEWAY = 0x2;

  /** Reads both tables; {@code devName} and {@code routeName} name the files in messages. */
  static NetInterfaces parse(String dev, String devName, String route, String routeName)
      throws Malformed {
    return new NetInterfaces(names(dev, devName), defaultRoute(route, routeName));
  }

  /**
   * {@code /proc/net/dev}: two header lines, then {@code NAME: counters...} per interface (the name
   * padded on the left, the counters sometimes glued to the colon).
   */
  static List<String> names(String text, String file) throws Malformed {
    List<String> lines = text.lines().toList();
    if (lines.size() < 2 || !lines.get(0).startsWith("Inter-") || !lines.get(1).contains("face")) {
      throw new Malformed(file + " does not start with the kernel's two header lines");
    }
    List<String> names = new ArrayList<>();
    for (int i = 2; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
        throw new Malformed(file + " line " + (i + 1) + " names no interface: " + shown(line));
      }
      names.add(name);
    }
    return names;
  }

  /**
   * {@code /proc/net/route}: a header, then tab-separated fields per IPv4 route, addresses as 8 hex
   * digits in the host's byte order.
   */
  static Optional<DefaultRoute> defaultRoute(String text, String file) throws Malformed {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("Iface")) {
      throw new Malformed(file + " does not start with the kernel's header line (Iface ...)");
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 8) {
        throw new Malformed(file + " line " + (i + 1) + " has too few fields: " + shown(line));
      }
      int destination = hex(fields[1], file, i);
      int gateway = hex(fields[2], file, i);
      int flags = hex(fields[3], file, i);
      int mask = hex(fields[7], file, i);
      if (destination == 0 && mask == 0 && (flags & RTF_UP) != 0) {
        return Optional.of(
            new DefaultRoute(
                fields[0],
                (flags & RTF_GATEWAY) != 0 ? Optional.of(dotted(gateway)) : Optional.empty()));
      }
    }
    return Optional.empty();
  }

  private static int hex(String word, String file, int index) throws Malformed {
    if (!word.matches("[0-9A-Fa-f]{1,8}")) {
      throw new Malformed(file + " line " + (index + 1) + " has a field that is not hex: " + word);
    }
    return (int) Long.parseLong(word, 16);
  }

  /**
   * The kernel prints the address's four bytes read as one int of this host, so writing the int
   * back in the host's order gives the bytes again, first octet first.
   */
  static String dotted(int address) {
    byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(address).array();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      text.append(i == 0 ? "" : ".").append(Byte.toUnsignedInt(bytes[i]));
    }
    return text.toString();
  }

  private static String shown(String line) {
    String stripped = line.strip();
    return stripped.length() > 60 ? stripped.substring(0, 60) + "..." : stripped;
  }
}
