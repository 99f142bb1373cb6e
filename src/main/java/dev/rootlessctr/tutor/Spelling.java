package dev.rootlessctr.tutor;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The closest known word to a mistyped one ({@code skopoe} is {@code skopeo}). */
final class Spelling {

  private Spelling() {}

  /** The known word within two edits (a swap of neighbours counts as one), if one is closest. */
  static Optional<String> closest(String typed, Collection<String> known) {
    return closest(typed, known, k -> Math.min(2, Math.max(1, k.length() / 3)));
  }

  /**
   * The closest subcommand: a subcommand is a plain word that people misremember rather than
   * mistype ({@code status} for {@code state}), so five letters or more allow two edits.
   */
  static Optional<String> closestSubcommand(String typed, Collection<String> known) {
    return closest(typed, known, k -> k.length() >= 5 ? 2 : 1);
  }

  private static Optional<String> closest(
      String typed, Collection<String> known, java.util.function.ToIntFunction<String> allowed) {
    return known.stream()
        .filter(k -> !k.equals(typed))
        .filter(k -> distance(typed, k) <= allowed.applyAsInt(k))
        .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k));
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
