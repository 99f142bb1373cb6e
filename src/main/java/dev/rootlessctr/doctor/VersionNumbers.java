package dev.rootlessctr.doctor;

/** Compares dotted upstream versions such as {@code 1.1.5+ds1} by their leading numbers. */
final class VersionNumbers {

  private VersionNumbers() {}

  /** Whether {@code version}'s leading {@code a.b.c} numbers are at least {@code minimum}'s. */
  static boolean atLeast(String version, String minimum) {
    int[] have = numbers(version);
    int[] need = numbers(minimum);
    for (int i = 0; i < Math.max(have.length, need.length); i++) {
      int h = i < have.length ? have[i] : 0;
      int n = i < need.length ? need[i] : 0;
      if (h != n) {
        return h > n;
      }
    }
    return true;
  }

  // Stops at the first non-numeric part: "1.2.0-rc.1" gives 1, 2, 0.
  private static int[] numbers(String version) {
    String[] parts = version.split("\\.");
    int[] result = new int[parts.length];
    int count = 0;
    for (String part : parts) {
      String digits = part.replaceFirst("^(\\d+).*", "$1");
      if (!digits.matches("\\d+")) {
        break;
      }
      result[count++] = Integer.parseInt(digits);
      if (digits.length() != part.length()) {
        break;
      }
    }
    return java.util.Arrays.copyOf(result, count);
  }
}
