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
 * Scaling series 3 (issue 6 §4): a fixed batch (one sync pair written, 4 changes) on flat stores
 * of 100, 10,000 and 1,000,000 paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class StateSizeBench {
  @Param({"100", "10000", "1000000"})
  public int paths;

  Store store;
  double value = 1.0;

  @Setup(Level.Trial)
  public void setUp() {
    store = FlatState.store(FlatState.schema(paths));
    store.wiring().sync(FlatState.FIRST_DOUBLE, FlatState.FIRST_DOUBLE + 1);
  }

  @Benchmark
  public Changes batch4() {
    value = 3.0 - value;
    Batch b = store.batch();
    for (int i = 0; i < 4; i++) {
      b.setDouble(FlatState.FIRST_DOUBLE + 2 * i, value);
    }
    return b.apply();
  }
}
