package dev.statewire.benchmarks.scaling;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scaling series 6 (issue 12, F10): one batch that clears a map of {@code entries} entries, with a
 * wildcard {@code @Aggregate} over the entries ({@code items}) and without one ({@code plain}).
 * Each measurement is one clear of a freshly filled store (single shot: the store is built again
 * before every shot, outside the measured time). The time must grow linearly with the entries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ClearMapBench {
  @Param({"10000", "100000", "400000"})
  public int entries;

  /** {@code items} (under the aggregation) or {@code plain}. */
  @Param({"items", "plain"})
  public String map;

  Store store;
  int mapId;

  @Setup(Level.Invocation)
  public void fill() {
    Map<String, Shelf.Slot> full = new LinkedHashMap<>();
    for (int i = 0; i < entries; i++) {
      full.put("k" + i, new Shelf.Slot(true, i));
    }
    boolean aggregated = map.equals("items");
    store = Store.create(ShelfSchema.SCHEMA,
        new Shelf(aggregated ? full : Map.of(), null, aggregated ? Map.of() : full));
    mapId = store.resolve(map);
  }

  @Benchmark
  public Changes clear() {
    return store.set(mapId, Map.of());
  }
}
