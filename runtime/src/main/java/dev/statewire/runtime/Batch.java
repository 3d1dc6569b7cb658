package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;

/**
 * Several writes applied as one pipeline run (PIPELINE.md §2): collect them with the {@code set}
 * methods, then {@link #apply()}. Each write is type-checked when it is added; a bad one throws and
 * is not added. A batch is applied once; the store reuses batch objects, so do not keep one after
 * {@code apply()}.
 */
public final class Batch {
  private final Engine engine;
  /** The writes collected so far; swapped with the engine's queue buffer when applied. */
  ChangeBuffer input;
  private Object tag;
  boolean open;

  Batch(Engine engine) {
    this.engine = engine;
    this.input = new ChangeBuffer(engine, 1); // grows as needed (see the Engine constructor)
  }

  Batch reset() {
    input.clear();
    tag = null;
    open = true;
    return this;
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("this batch was applied already; start a new one with store.batch()");
    }
  }

  /**
   * Tags every change of this batch (and every change derived from it) with {@code tag}, readable
   * through {@link Changes#tag(int)}.
   */
  public Batch tag(Object tag) {
    checkOpen();
    this.tag = tag;
    return this;
  }

  /** Adds a write of {@code value} to {@code path}. */
  public <T> Batch set(Path<T> path, T value) {
    checkOpen();
    engine.addInput(input, engine.checkOwner(path), value);
    return this;
  }

  /** Adds a write to a path ID. */
  public Batch set(int pathId, Object value) {
    checkOpen();
    engine.addInput(input, pathId, value);
    return this;
  }

  /** Adds a write to a dot path. */
  public Batch set(String path, Object value) {
    checkOpen();
    engine.addInput(input, engine.resolve(path), value);
    return this;
  }

  /** Adds an {@code int} write without boxing. */
  public Batch setInt(int pathId, int value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.INT, value);
    return this;
  }

  /** Adds a {@code long} write without boxing. */
  public Batch setLong(int pathId, long value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.LONG, value);
    return this;
  }

  /** Adds a {@code double} write without boxing. */
  public Batch setDouble(int pathId, double value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.DOUBLE, Double.doubleToLongBits(value));
    return this;
  }

  /** Adds a {@code boolean} write without boxing. */
  public Batch setBoolean(int pathId, boolean value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.BOOLEAN, value ? 1L : 0L);
    return this;
  }

  /**
   * Adds a write of a new or replaced entry {@code key} of the map at {@code mapId}. A new key gets
   * its path IDs now; if the batch is abandoned they are released again.
   */
  public Batch put(int mapId, String key, Object value) {
    checkOpen();
    engine.addInput(input, engine.entryForPut(mapId, key), value);
    return this;
  }

  /**
   * The path ID of entry {@code key} of the map at {@code mapId} for writes below it in this
   * batch: an entry that exists, or one that an earlier {@link #put} of this batch adds.
   *
   * @throws UnknownPathException if neither
   */
  public int entry(int mapId, String key) {
    checkOpen();
    return engine.entryForWrite(mapId, key);
  }

  /** Adds the removal of entry {@code key} of the map at {@code mapId}. */
  public Batch remove(int mapId, String key) {
    checkOpen();
    engine.addRemoval(input, engine.entry(mapId, key));
    return this;
  }

  /** Adds an entry at the end of the list at {@code listId}. */
  public Batch add(int listId, Object value) {
    checkOpen();
    engine.addInput(input, engine.entryForAdd(listId), value);
    return this;
  }

  /** Number of writes added so far. */
  public int size() {
    return input.size();
  }

  /**
   * Runs the pipeline over the collected writes and applies the result.
   *
   * @return the applied changes, in order (valid until the next batch)
   * @throws StateException if a listener or a listener's output fails; nothing is applied then
   */
  public Changes apply() {
    checkOpen();
    open = false;
    return engine.run(input, tag, this);
  }
}
