package dev.statewire.benchmarks.memory;

import dev.statewire.benchmarks.support.FlatState;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import java.util.List;
import java.util.Locale;

/**
 * Many stores in one JVM (issue 6 §4): creates stores of a 50-path flat state (one shared schema,
 * one batch applied to each so its buffers exist) until {@code count} are alive or the heap is
 * exhausted, and prints how far it got. Run with the heap the goal names:
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.statewire.benchmarks.memory.ManyStores 1000000</pre>
 *
 * The per-store bytes come from {@link Footprint} ("flat 50 paths"): one store by itself, and
 * amortized over 1,000 stores measured together (objects the stores share count once).
 */
public final class ManyStores {
  private ManyStores() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Schema schema = FlatState.schema(50);
    long[] bytes = Footprint.measure(touched(FlatState.store(schema)), schema, List.of());
    double amortized = Footprint.amortized(schema, () -> touched(FlatState.store(schema)));
    System.out.printf(Locale.ROOT, "per store (JOL): %d bytes; amortized over %,d stores: %.3f bytes; schema: %d"
        + " bytes; max heap: %d bytes%n", bytes[0], Footprint.AMORTIZED_STORES, amortized, bytes[1],
        Runtime.getRuntime().maxMemory());
    Store[] stores = new Store[count];
    int made = 0;
    long t0 = System.nanoTime();
    try {
      for (; made < count; made++) {
        stores[made] = touched(FlatState.store(schema));
      }
    } catch (OutOfMemoryError e) {
      int reached = made;
      stores = null; // free the heap before printing
      System.out.println("OutOfMemoryError after " + reached + " stores (goal " + count + ")");
      return;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.println("created " + made + " stores in " + ms + " ms; heap used after GC: "
        + (rt.totalMemory() - rt.freeMemory()) + " bytes; " + stores.length);
  }

  /** {@code s} after one batch (one double written), so its buffers exist. */
  static Store touched(Store s) {
    s.setDouble(FlatState.FIRST_DOUBLE, 1.0);
    return s;
  }
}
