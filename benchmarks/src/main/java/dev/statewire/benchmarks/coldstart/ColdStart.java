package dev.statewire.benchmarks.coldstart;

import java.util.Map;

/**
 * What a JVM pays once: initialising the generated schema of {@link Wall}, then creating the first
 * store. {@link ColdStartBench} loads this class in a fresh class loader per measurement, so both
 * run as in a new JVM (runtime classes loaded, nothing compiled).
 */
public final class ColdStart {
  private ColdStart() {}

  /** Initialises {@code WallSchema}; returns its schema. */
  public static Object schema() {
    return WallSchema.SCHEMA;
  }

  /** Initialises {@code WallSchema} and creates a store of {@link Wall} from an initial value. */
  public static Object firstStore() {
    Wall.Pane[] panes = new Wall.Pane[40];
    for (int i = 0; i < panes.length; i++) {
      panes[i] = new Wall.Pane("pane", i % 2 == 0, i % 2 != 0, 100);
    }
    return WallStore.create(wall(panes));
  }

  private static Wall wall(Wall.Pane[] p) {
    return new Wall(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13],
        p[14], p[15], p[16], p[17], p[18], p[19], p[20], p[21], p[22], p[23], p[24], p[25], p[26], p[27], p[28],
        p[29], p[30], p[31], p[32], p[33], p[34], p[35], p[36], p[37], p[38], p[39],
        Map.of("a", new Wall.Pane("extra", true, false, 50)));
  }
}
