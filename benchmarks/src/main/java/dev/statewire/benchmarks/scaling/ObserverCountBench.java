package dev.statewire.benchmarks.scaling;

import dev.statewire.benchmarks.support.FlatState;
import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
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
 * Observer count series (issue 15): a fixed 10-change batch on a 20,000-path flat store with {@code
 * observers} per-path observers registered on other paths (none is told), plus one observer on a
 * path the batch writes (told every time), so that the round runs. Goal: flat, a batch must not
 * scan the observers of paths it did not touch. {@code 0} is the store without observers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObserverCountBench {
  @Param({"0", "1", "10", "100", "1000", "10000"})
  public int observers;

  Store store;
  double value = 1.0;
  /** Counts calls, so that the observers' work cannot be dropped. */
  long told;

  @Setup(Level.Trial)
  public void setUp() {
    store = FlatState.store(FlatState.schema(20_000));
    for (int i = 0; i < observers; i++) {
      int at = 10_000 + i; // the batch writes FIRST_DOUBLE .. FIRST_DOUBLE + 9
      store.observe(at, (before, after) -> told++);
    }
    if (observers > 0) {
      store.observe(FlatState.FIRST_DOUBLE, (before, after) -> told++);
    }
  }

  @Benchmark
  public Changes batch10() {
    value = 3.0 - value;
    Batch b = store.batch();
    for (int i = 0; i < 10; i++) {
      b.setDouble(FlatState.FIRST_DOUBLE + i, value);
    }
    return b.apply();
  }
}
