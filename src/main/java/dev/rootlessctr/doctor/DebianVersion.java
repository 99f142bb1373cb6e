package dev.rootlessctr.doctor;

import java.util.Comparator;

/** Compares Debian package versions ({@code [epoch:]upstream[-revision]}) the way dpkg does. */
final class DebianVersion implements Comparator<String> {

  static final DebianVersion ORDER = new DebianVersion();

  private DebianVersion() {}

  @Override
  public int compare(String left, String right) {
    String[] a = split(left);
    String[] b = split(right);
    int epoch = Long.compare(Long.parseLong(a[0]), Long.parseLong(b[0]));
    if (epoch != 0) {
      return epoch;
    }
    int upstream = comparePart(a[1], b[1]);
    return upstream != 0 ? upstream : comparePart(a[2], b[2]);
  }

  /** The upstream part: no epoch, no Debian revision, e.g. {@code 1.1.5+ds1}. */
  static String upstreamOf(String version) {
    return split(version)[1];
  }

  private static String[] split(String version) {
    String rest = version.strip();
    String epoch = "0";
    int colon = rest.indexOf(':');
    if (colon > 0 && rest.substring(0, colon).matches("\\d+")) {
      epoch = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    int dash = rest.lastIndexOf('-');
    String revision = dash >= 0 ? rest.substring(dash + 1) : "";
    String upstream = dash >= 0 ? rest.substring(0, dash) : rest;
    return new String[] {epoch, upstream, revision};
  }

  // dpkg's verrevcmp: alternate non-digit runs (compared by a modified character order)
  // and digit runs (compared numerically).
  private static int comparePart(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !Character.isDigit(a.charAt(i)))
          || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
        int ac = i < a.length() ? order(a.charAt(i)) : 0;
        int bc = j < b.length() ? order(b.charAt(j)) : 0;
        if (ac != bc) {
          return Integer.compare(ac, bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      while (i < a.length()
          && Character.isDigit(a.charAt(i))
          && j < b.length()
          && Character.isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = Integer.compare(a.charAt(i), b.charAt(j));
        }
        i++;
        j++;
      }
      if (i < a.length() && Character.isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && Character.isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  // '~' sorts before everything, even the end of the string; letters before other symbols.
  private static int order(char c) {
    if (Character.isDigit(c)) {
      return 0;
    }
    if (Character.isLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }
}
