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
 * Scaling series 1 (issue 6 §4): one batch of {@code changes} double writes to distinct paths of a
 * 20,000-path flat store, no wiring. The score is per batch; PERFORMANCE.md divides by the batch
 * size for the time per change (goal: flat).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchSizeBench {
  @Param({"1", "10", "100", "1000", "10000"})
  public int changes;

  Store store;
  double value = 1.0;

  @Setup(Level.Trial)
  public void setUp() {
    store = FlatState.store(FlatState.schema(20_000));
  }

  @Benchmark
  public Changes batch() {
    value = 3.0 - value;
    Batch b = store.batch();
    for (int i = 0; i < changes; i++) {
      b.setDouble(FlatState.FIRST_DOUBLE + i, value);
    }
    return b.apply();
  }
}
