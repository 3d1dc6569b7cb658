package dev.statewire.benchmarks.micro;

import static dev.statewire.benchmarks.support.FlatState.FIRST_DOUBLE;

import dev.statewire.benchmarks.support.FlatState;
import dev.statewire.runtime.Batch;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine micro benchmarks (issue 3 and issue 6 §2), on a flat store of 10,000 paths (booleans and
 * doubles, see {@link FlatState}). Every measured batch does real work: written values alternate
 * between 1.0 and 2.0 (booleans between true and false), so no batch is a no-op except in {@link
 * #noopBatch}. Each method returns the applied {@link Changes}, as a caller would receive them.
 *
 * <ul>
 *   <li>{@code shadow1000*}: 1000 shadow-state updates of distinct double paths, as one batch and as
 *       1000 single writes (score per 1000 updates);
 *   <li>{@code batch1*}: one change; with no wiring, and with one sync peer;
 *   <li>{@code batch4*}: four changes; with no wiring, with one sync pair and one flip pair, and with
 *       sync + flip + one listener that returns one change;
 *   <li>{@code noopBatch}: a write of the value the path already holds (stops at the input filter).
 *   <li>{@code *Ignored}: the same batches by a caller that does not keep the returned view, the
 *       common case of {@code store.setDouble(path, v);} as a statement: the view is never read,
 *       so escape analysis can drop its allocation. The store's arrays still change (a side effect
 *       the JIT must keep), so nothing else is eliminated.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class PipelineBench {
  /** Paths in the flat state (root included). */
  public static final int PATHS = 10_000;

  static final int B0 = 1;
  static final int B1 = 2;
  static final int D0 = FIRST_DOUBLE;
  static final int D1 = FIRST_DOUBLE + 1;
  static final int D2 = FIRST_DOUBLE + 2;
  static final int D3 = FIRST_DOUBLE + 3;
  static final int D4 = FIRST_DOUBLE + 4;
  static final int D10 = FIRST_DOUBLE + 10;
  /** First of the 1000 paths of the shadow-update benchmarks. */
  static final int BULK = FIRST_DOUBLE + 100;

  /** No wiring at all. */
  Store plain;
  /** Runtime sync D0 – D1. */
  Store synced;
  /** Runtime sync D0 – D1 and flip B0 – B1. */
  Store syncFlip;
  /** Runtime sync D0 – D1, flip B0 – B1, and a listener on D2 that returns D10 = 2 × D2's value. */
  Store wired;

  double value = 1.0;
  boolean flag;

  @Setup(Level.Trial)
  public void setUp() {
    Schema schema = FlatState.schema(PATHS);
    plain = FlatState.store(schema);
    synced = FlatState.store(schema);
    synced.wiring().sync(D0, D1);
    syncFlip = FlatState.store(schema);
    syncFlip.wiring().sync(D0, D1);
    syncFlip.wiring().flip(B0, B1);
    wired = FlatState.store(schema);
    wired.wiring().sync(D0, D1);
    wired.wiring().flip(B0, B1);
    wired.listen(D2, D2, event -> event.emitDouble(D10, value * 2));
  }

  private double next() {
    value = 3.0 - value;
    return value;
  }

  private boolean nextFlag() {
    flag = !flag;
    return flag;
  }

  /** The 1000 writes of the shadow-update benchmarks as one batch, not yet applied. */
  private Batch shadow1000() {
    double v = next();
    Batch b = plain.batch();
    for (int i = 0; i < 1000; i++) {
      b.setDouble(BULK + i, v);
    }
    return b;
  }

  /** The four writes of the batch4 benchmarks on {@code store}, not yet applied. */
  private Batch batch4(Store store) {
    double v = next();
    return store.batch()
        .setDouble(D0, v)
        .setBoolean(B0, nextFlag())
        .setDouble(D2, v)
        .setDouble(D4, v);
  }

  @Benchmark
  public Changes shadow1000OneBatch() {
    return shadow1000().apply();
  }

  @Benchmark
  public Changes shadow1000SingleWrites() {
    double v = next();
    Changes last = null;
    for (int i = 0; i < 1000; i++) {
      last = plain.setDouble(BULK + i, v);
    }
    return last;
  }

  @Benchmark
  public Changes batch1NoWiring() {
    return plain.batch().setDouble(D0, next()).apply();
  }

  @Benchmark
  public Changes batch1OneSyncPeer() {
    return synced.batch().setDouble(D0, next()).apply();
  }

  @Benchmark
  public Changes batch4NoWiring() {
    double v = next();
    return plain.batch().setDouble(D0, v).setDouble(D2, v).setDouble(D3, v).setDouble(D4, v).apply();
  }

  @Benchmark
  public Changes batch4SyncFlip() {
    return batch4(syncFlip).apply();
  }

  @Benchmark
  public Changes batch4SyncFlipListener() {
    return batch4(wired).apply();
  }

  @Benchmark
  public void shadow1000OneBatchIgnored() {
    shadow1000().apply();
  }

  @Benchmark
  public void batch1OneSyncPeerIgnored() {
    synced.setDouble(D0, next());
  }

  @Benchmark
  public void batch4SyncFlipIgnored() {
    batch4(syncFlip).apply();
  }

  @Benchmark
  public Changes noopBatch() {
    // D3 holds its initial value D3 (FlatState.initial); nothing else writes it in this store
    return synced.batch().setDouble(D3, D3).apply();
  }
}
