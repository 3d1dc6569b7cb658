package dev.statewire.benchmarks.scaling;

import dev.statewire.benchmarks.support.FlatState;
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
 * Scaling series 4 (issue 6 §4): one write to a member of a sync group of {@code members} paths
 * (a 20,000-path flat store). The batch applies {@code members} changes, so linear growth is the
 * expected shape; PERFORMANCE.md divides by the group size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SyncGroupBench {
  @Param({"2", "100", "10000"})
  public int members;

  Store store;
  double value = 1.0;

  @Setup(Level.Trial)
  public void setUp() {
    store = FlatState.store(FlatState.schema(20_000));
    int first = FlatState.FIRST_DOUBLE;
    for (int i = 1; i < members; i++) {
      store.wiring().sync(first, first + i);
    }
  }

  @Benchmark
  public Changes write() {
    value = 3.0 - value;
    return store.setDouble(FlatState.FIRST_DOUBLE, value);
  }
}
