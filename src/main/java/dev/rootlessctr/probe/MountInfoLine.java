package dev.rootlessctr.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/PID/mountinfo} (proc(5)): what is mounted where, with which options.
 *
 * @param root the directory of the mounted file system that appears at the mount point; for a bind
 *     mount, the host directory that was bound
 * @param source the device or pseudo file system name ({@code /dev/vda}, {@code tmpfs})
 */
public record MountInfoLine(
    String mountPoint, String root, String options, String fsType, String source) {

  /** Parses one line; empty when it does not have mountinfo's shape. */
  public static Optional<MountInfoLine> parse(String line) {
    // 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
    List<String> fields = Arrays.asList(line.trim().split(" "));
    int separator = fields.indexOf("-");
    if (separator < 6 || fields.size() < separator + 3) {
      return Optional.empty();
    }
    return Optional.of(
        new MountInfoLine(
            unescape(fields.get(4)),
            unescape(fields.get(3)),
            fields.get(5),
            fields.get(separator + 1),
            unescape(fields.get(separator + 2))));
  }

  // The kernel writes space, tab, newline and backslash in paths as octal escapes: "\040".
  private static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String field, int from) {
    for (int i = from; i < from + 3; i++) {
      if (field.charAt(i) < '0' || field.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
