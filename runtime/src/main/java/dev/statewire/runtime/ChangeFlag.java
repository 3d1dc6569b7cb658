package dev.statewire.runtime;

import java.util.EnumSet;
import java.util.Set;

/**
 * The pipeline stage a change came from. A derived change carries its own stage's flag and every
 * flag of the change it derives from; user input carries none.
 */
public enum ChangeFlag {
  /** Fan-out of a write to an aggregation target (stage 2). */
  AGGREGATION,
  /** Copy of a change to a synced path (stage 3). */
  SYNC,
  /** Negation of a boolean change to a flipped path (stage 4). */
  FLIP,
  /** Returned by a listener (stage 6). */
  LISTENER,
  /** An aggregation target recomputed from its sources after apply (stage 9). */
  AGGREGATE_READ;

  /** The bit of this flag in a flag mask. */
  public int bit() {
    return 1 << ordinal();
  }

  /** The flags set in {@code mask}, as an {@link EnumSet}. */
  public static Set<ChangeFlag> fromMask(int mask) {
    EnumSet<ChangeFlag> set = EnumSet.noneOf(ChangeFlag.class);
    for (ChangeFlag f : values()) {
      if ((mask & f.bit()) != 0) {
        set.add(f);
      }
    }
    return set;
  }
}
