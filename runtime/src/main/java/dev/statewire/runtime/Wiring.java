package dev.statewire.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Adds sync, flip and aggregation wiring to a store at run time, on top of the static wiring from
 * the schema. Each call returns a {@link Registration} that removes exactly
 * what it added. Registering a sync edge aligns the group's values at once (a batch flagged
 * {@link ChangeFlag#SYNC}); registering an aggregation reads its target at once.
 */
public final class Wiring {
  private final Engine engine;

  Wiring(Engine engine) {
    this.engine = engine;
  }

  /** Keeps {@code a} and {@code b} equal. Both must have the same type. */
  public <T> Registration sync(Path<T> a, Path<T> b) {
    return engine.registerPair(false, engine.checkOwner(a), engine.checkOwner(b));
  }

  /** As {@link #sync(Path, Path)} for path IDs (types are checked at run time). */
  public Registration sync(int a, int b) {
    return engine.registerPair(false, a, b);
  }

  /** Keeps two booleans opposite. */
  public Registration flip(Path<Boolean> a, Path<Boolean> b) {
    return engine.registerPair(true, engine.checkOwner(a), engine.checkOwner(b));
  }

  /** As {@link #flip(Path, Path)} for path IDs (both must be boolean paths). */
  public Registration flip(int a, int b) {
    return engine.registerPair(true, a, b);
  }

  /**
   * Makes {@code target} reflect {@code sources}: the common value when all agree, else {@code
   * null}; a write to the target fans out to every source.
   */
  @SafeVarargs
  public final <T> Registration aggregate(Path<T> target, Path<T>... sources) {
    int[] ids = new int[sources.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = engine.checkOwner(Objects.requireNonNull(sources[i], "source"));
    }
    return engine.registerAggregation(engine.checkOwner(target), ids);
  }

  /** As {@link #aggregate(Path, Path[])} with a list of sources. */
  public <T> Registration aggregate(Path<T> target, List<Path<T>> sources) {
    Objects.requireNonNull(sources, "sources");
    int[] ids = new int[sources.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = engine.checkOwner(sources.get(i));
    }
    return engine.registerAggregation(engine.checkOwner(target), ids);
  }

  /** As {@link #aggregate(Path, Path[])} for path IDs (types are checked at run time). */
  public Registration aggregate(int target, int... sources) {
    return engine.registerAggregation(target, sources.clone());
  }
}
