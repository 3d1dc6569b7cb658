package dev.statewire.benchmarks.scaling;

import dev.statewire.benchmarks.ecommerce.Ecommerce;
import dev.statewire.benchmarks.support.FlatState;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a new store costs (context for the many-stores figures and for the real-work e-commerce
 * benchmark, whose untimed setup builds one store per call): a 50-path flat store, and an
 * e-commerce store with its 75 sync pairs, 38 flip pairs and 85 listeners.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 10 warmup seconds and 2 forks: with 3 s of warmup and 1 fork an e-commerce store's creation
// measured 519 and 1,065 µs in two runs of the same code (partly unjitted, PERFORMANCE.md)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CreationBench {
  Schema flat50;

  @Setup(Level.Trial)
  public void setUp() {
    flat50 = FlatState.schema(50);
  }

  @Benchmark
  public Store flat50Store() {
    return FlatState.store(flat50);
  }

  @Benchmark
  public Ecommerce ecommerceStoreWired() {
    return new Ecommerce();
  }
}
