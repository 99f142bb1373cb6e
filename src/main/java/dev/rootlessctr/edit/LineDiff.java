package dev.rootlessctr.edit;

import java.util.ArrayList;
import java.util.List;

/** A minimal line diff (longest common subsequence): unchanged lines dropped, {@code +}/{@code -} kept. */
public final class LineDiff {

  private LineDiff() {}

  public static List<String> diff(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
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
