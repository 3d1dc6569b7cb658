package dev.statewire.runtime;

/**
 * What a {@link Listener} receives for one batch: the changes that match its path, the pre-batch
 * value at its scope, and a way to return further changes.
 *
 * <p>An event is valid while the listener it was handed to runs. The store hands the same object
 * to each listener it calls, so do not keep it: copy what you need ({@code changes().toList()}).
 */
public final class ListenerEvent {
  private final Engine engine;
  /** The path of the listener being called, written by {@link #at} only. */
  private int path;
  /** Its scope. */
  private int scope;
  /** Its view of the batch. */
  private Changes changes;

  ListenerEvent(Engine engine) {
    this.engine = engine;
  }

  /** Points this event at the next listener call: the listener's path, scope and view. */
  ListenerEvent at(int path, int scope, Changes changes) {
    this.path = path;
    this.scope = scope;
    this.changes = changes;
    return this;
  }

  /**
   * The changes of this batch at, below or above the listener's path, deepest first (stable),
   * followed by matching outputs of listeners that ran before this one in the same batch. Valid
   * during this call only, like the event: reading it afterwards throws {@link
   * IllegalStateException}.
   */
  public Changes changes() {
    return changes;
  }

  /** The listener's path ID (0 for the root). */
  public int pathId() {
    return path;
  }

  /** The scope's path ID (0 for the root). */
  public int scopeId() {
    return scope;
  }

  /**
   * The value at the listener's scope before this batch (a record, map, list or leaf value; the
   * whole root record for a root scope). Built on first call.
   */
  public Object scopeValue() {
    return engine.preBatchValue(scope);
  }

  /**
   * The value at a path as it will be once the changes queued so far in this batch are applied:
   * the pre-batch value with the batch's changes (after sync and flip) and the outputs of the
   * listeners that ran before this one laid over it in queue order. Use it to derive a value
   * from the state the batch produces, e.g. a total over line items.
   */
  public Object valueAfter(int pathId) {
    return engine.valueAfterQueued(pathId);
  }

  /** As {@link #valueAfter(int)} for a typed path. */
  public <T> T valueAfter(Path<T> path) {
    Object v = engine.valueAfterQueued(engine.checkOwner(path));
    return v == Store.ABSENT ? null : path.type().cast(v);
  }

  /** The value at any path before this batch. */
  public Object preBatchValue(int pathId) {
    return engine.preBatchValue(pathId);
  }

  /**
   * Returns a change to the pipeline: it runs through aggregation writes, sync and flip (stage 7)
   * and is applied with the batch, flagged {@link ChangeFlag#LISTENER}.
   *
   * @throws ValueTypeException if the value does not fit the path (the batch is then abandoned)
   */
  public <T> ListenerEvent emit(Path<T> target, T value) {
    engine.emit(engine.checkOwner(target), value);
    return this;
  }

  /** As {@link #emit(Path, Object)} for a path ID. */
  public ListenerEvent emit(int pathId, Object value) {
    engine.emit(pathId, value);
    return this;
  }

  /** As {@link #emit(Path, Object)} for a dot path. */
  public ListenerEvent emit(String path, Object value) {
    engine.emit(engine.paths.resolve(path), value);
    return this;
  }

  /** Emits an {@code int} without boxing. */
  public ListenerEvent emitInt(int pathId, int value) {
    engine.emitBits(pathId, PathKind.INT, value);
    return this;
  }

  /** Emits a {@code long} without boxing. */
  public ListenerEvent emitLong(int pathId, long value) {
    engine.emitBits(pathId, PathKind.LONG, value);
    return this;
  }

  /** Emits a {@code double} without boxing. */
  public ListenerEvent emitDouble(int pathId, double value) {
    engine.emitBits(pathId, PathKind.DOUBLE, Double.doubleToLongBits(value));
    return this;
  }

  /** Emits a {@code boolean} without boxing. */
  public ListenerEvent emitBoolean(int pathId, boolean value) {
    engine.emitBits(pathId, PathKind.BOOLEAN, value ? 1L : 0L);
    return this;
  }
}
