package dev.statewire.benchmarks.ecommerce;

import dev.statewire.runtime.Changes;
import java.util.List;
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
 * The reference's own method (ECOMMERCE.md, "Reference timings"): one store shared by all
 * scenarios, run in order S01…S16, each trigger repeated. In JMH: the trial setup builds a fresh
 * store and runs every trigger before the measured one three times, then the measured trigger is
 * applied again and again. So for S01, S03–S06, S09, S12–S14 every call after the first is a no-op
 * that stops at the input filter, as in the reference; S02, S07, S08, S10, S11, S15 and S16 do real
 * work on every call (their listeners write values the input then changes again).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class EcommerceReferenceBench {
  @Param({"S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08",
      "S09", "S10", "S11", "S12", "S13", "S14", "S15", "S16"})
  public String scenario;

  private Trigger.Bound measured;

  @Setup(Level.Trial)
  public void setUp() {
    Ecommerce shop = new Ecommerce();
    List<Trigger> all = Ecommerce.triggers();
    for (Trigger t : all) {
      Trigger.Bound bound = t.bind(shop.store());
      if (t.name().equals(scenario)) {
        measured = bound;
        return;
      }
      for (int r = 0; r < 3; r++) {
        bound.apply();
      }
    }
    throw new IllegalArgumentException("no trigger " + scenario);
  }

  @Benchmark
  public Changes trigger() {
    return measured.apply();
  }
}
