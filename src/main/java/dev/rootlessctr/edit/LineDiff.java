package dev.rootlessctr.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) in the unified style: changed lines marked {@code +} and
 * {@code -}, with {@code CONTEXT} unchanged lines around each change so it can be found.
 */
public final class LineDiff {

  private LineDiff() {}

  static final int CONTEXT = 2;

  public static List<String> diff(String before, String after) {
    List<String> all = full(before, after);
    List<String> out = new ArrayList<>();
    int lastShown = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("  ")) {
        continue;
      }
      int from = Math.max(lastShown + 1, i - CONTEXT);
      if (lastShown >= 0 && from > lastShown + 1) {
        out.add("  ...");
      }
      for (int j = from; j <= i; j++) {
        out.add(all.get(j));
      }
      lastShown = i;
      int to = Math.min(all.size() - 1, i + CONTEXT);
      for (int j = i + 1; j <= to && all.get(j).startsWith("  "); j++) {
        out.add(all.get(j));
        lastShown = j;
      }
    }
    return out;
  }

  /** Every line, unchanged ones prefixed with two spaces. */
  private static List<String> full(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        out.add("  " + a[i]);
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        if (!b[j].isEmpty()) {
          out.add("+ " + b[j]);
        }
        j++;
      } else {
        if (!a[i].isEmpty()) {
          out.add("- " + a[i]);
        }
        i++;
      }
    }
    return out;
  }
}
