package dev.statewire.benchmarks.ecommerce;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real work: every measured call runs the trigger on a store in its pre-trigger state (a fresh
 * store, the state the parity table is recorded on), so each call does the full work of the parity
 * table: all applied changes, all listener calls.
 *
 * <p>How the restore stays out of the measurement: the runtime has no cheap way to put a store
 * back (an undo batch would run the 85 listeners again, whose fixed outputs then make the next
 * trigger partly a no-op). So each measurement iteration is a JMH single-shot batch of {@value
 * #POOL} calls, and the iteration setup (not timed) builds {@value #POOL} fresh, fully wired stores,
 * one per call. JMH times the {@value #POOL} calls as one block and, with {@code @OperationsPerInvocation(POOL)},
 * reports the block's time divided by {@value #POOL}: the time per call. Each call
 * meets a store that was built a while before and is probably not in the CPU caches: this is the
 * cost of a batch on a cold store, as in a server with many sessions, and is higher than the
 * hot-cache figure of the reference method.
 *
 * <p>The iteration teardown checks that every call applied exactly the parity table's number of
 * changes and called the listeners as often as the table says.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 40, batchSize = EcommerceRealWorkBench.POOL)
@Measurement(iterations = 20, batchSize = EcommerceRealWorkBench.POOL)
@OperationsPerInvocation(EcommerceRealWorkBench.POOL)
@Fork(1)
public class EcommerceRealWorkBench {
  /** Calls per iteration, one fresh store each. */
  public static final int POOL = 100;

  @Param({"S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08",
      "S09", "S10", "S11", "S12", "S13", "S14", "S15", "S16"})
  public String scenario;

  private Trigger trigger;
  private int parityIndex;
  private Ecommerce[] shops;
  private Trigger.Bound[] pool;
  private int[] appliedCounts;
  private int next;

  @Setup(Level.Trial)
  public void setUpTrial() {
    trigger = Ecommerce.trigger(scenario);
    parityIndex = Integer.parseInt(scenario.substring(1)) - 1;
  }

  @Setup(Level.Iteration)
  public void setUpIteration() {
    shops = new Ecommerce[POOL];
    pool = new Trigger.Bound[POOL];
    appliedCounts = new int[POOL];
    for (int i = 0; i < POOL; i++) {
      shops[i] = new Ecommerce();
      pool[i] = trigger.bind(shops[i].store());
    }
    next = 0;
    // the garbage of building the pool is collected here, not during the measured calls
    System.gc();
  }

  @Benchmark
  public int trigger() {
    int i = next++;
    int applied = pool[i].apply().size();
    appliedCounts[i] = applied;
    return applied;
  }

  @TearDown(Level.Iteration)
  public void check() {
    int expectedApplied = Ecommerce.PARITY_APPLIED[parityIndex];
    int expectedCalls = Ecommerce.PARITY_LISTENER_CALLS[parityIndex];
    for (int i = 0; i < next; i++) {
      if (appliedCounts[i] != expectedApplied || shops[i].listenerCalls() != expectedCalls) {
        throw new IllegalStateException(
            scenario + " call " + i + " applied " + appliedCounts[i] + " changes and called listeners "
                + shops[i].listenerCalls() + " times; the parity table says " + expectedApplied
                + " and " + expectedCalls);
      }
    }
    shops = null;
    pool = null;
  }
}
