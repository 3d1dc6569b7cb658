package dev.statewire.processor.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions: the nearest name by Levenshtein distance, if it is near enough. */
public final class EditDistance {
  private EditDistance() {}

  /** The Levenshtein distance between {@code a} and {@code b}, ignoring case differences at half cost. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j * 2;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i * 2;
      for (int j = 1; j <= b.length(); j++) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        int subst = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 1 : 2;
        cur[j] = Math.min(Math.min(prev[j] + 2, cur[j - 1] + 2), prev[j - 1] + subst);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return (prev[b.length()] + 1) / 2;
  }

  /**
   * The candidate nearest to {@code name}, if its distance is at most a third of the name's length
   * (at least 1, at most 3).
   */
  public static Optional<String> nearest(String name, Collection<String> candidates) {
    int limit = Math.max(1, Math.min(3, name.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }
}
