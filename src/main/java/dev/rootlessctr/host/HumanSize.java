package dev.rootlessctr.host;

/** Byte counts as people read them: "812 B", "1.1 MiB" (powers of 1024, like ls -lh). */
public final class HumanSize {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private HumanSize() {}

  public static String of(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
