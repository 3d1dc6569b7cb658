package dev.statewire.benchmarks.scaling;

import dev.statewire.benchmarks.support.FlatState;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Many stores (issue 6 §4): batches per second across all cores, one 50-path store per thread
 * (one shared schema), each batch a 1-change write with one sync peer. The score is the sum over
 * threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(Threads.MAX)
public class ManyStoresThroughputBench {
  /** The schema, shared by every thread's store. */
  @State(Scope.Benchmark)
  public static class Shared {
    Schema schema;

    @Setup(Level.Trial)
    public void setUp() {
      schema = FlatState.schema(50);
    }
  }

  /** One store per thread. */
  @State(Scope.Thread)
  public static class PerThread {
    Store store;
    double value = 1.0;

    @Setup(Level.Trial)
    public void setUp(Shared shared) {
      store = FlatState.store(shared.schema);
      store.wiring().sync(FlatState.FIRST_DOUBLE, FlatState.FIRST_DOUBLE + 1);
    }
  }

  @Benchmark
  public Changes batch1OneSyncPeer(PerThread t) {
    t.value = 3.0 - t.value;
    return t.store.setDouble(FlatState.FIRST_DOUBLE, t.value);
  }
}
