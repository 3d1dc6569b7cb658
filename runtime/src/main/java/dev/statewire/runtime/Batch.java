package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;

/**
 * Several writes applied as one pipeline run, all or nothing: collect them with the {@code set}
 * methods, then {@link #apply()}. Each write is type-checked when it is added; a bad one throws and
 * is not added. A batch is applied once; the store reuses batch objects, so do not keep one after
 * {@code apply()}.
 *
 * <p>A batch may be kept while other batches run. Entries it {@link #put}s or {@link #add}s keep
 * their place (they are reserved again if another batch released them), and its writes to them
 * follow; a write to an existing entry that another batch removes in the meantime makes {@link
 * #apply()} throw {@link UnknownPathException}, and nothing is applied.
 */
public final class Batch {
  private final Engine engine;
  /** The schema's number of static path IDs: a write below it needs no entry bookkeeping. */
  private final int staticCount;
  /** The writes collected so far; swapped with the engine's queue buffer when applied. */
  ChangeBuffer input;
  private Object tag;
  boolean open;
  /** Entry stamps and reservations of the writes inside entries; null while there is none. */
  EntryWrites entryWrites;
  /** The entry writes of this object's previous use, taken again by the next batch that needs one. */
  private EntryWrites spare;

  Batch(Engine engine) {
    this.engine = engine;
    this.staticCount = engine.paths.staticCount;
    this.input = new ChangeBuffer(engine, 1); // grows as needed (see the Engine constructor)
  }

  /**
   * A closed copy of a batch that a subscriber applied while subscribers are called: it runs after
   * the round, with the same writes, tag and entry checks ({@code source} may be null).
   */
  static Batch deferredCopy(Engine engine, ChangeBuffer input, Object tag, Batch source) {
    Batch copy = new Batch(engine).reset();
    for (int i = 0; i < input.size(); i++) {
      copy.input.copyFrom(input, i, input.path[i], input.flags(i));
    }
    if (source != null && source.entryWrites != null) {
      copy.entryWrites = new EntryWrites(source.entryWrites); // earlier batches may remove its entries
    }
    copy.tag = tag;
    copy.open = false;
    return copy;
  }

  /** The tag given with {@link #tag(Object)}, or null. */
  Object tagValue() {
    return tag;
  }

  /**
   * After a run whose queue was this batch's buffer: takes {@code spare} (the queue buffer before)
   * in its place, and leaves the buffer empty for the next use.
   */
  void afterRun(ChangeBuffer queue, ChangeBuffer spare) {
    if (input == queue && spare != null) {
      input = spare;
    }
    input.clear();
  }

  Batch reset() {
    input.clear();
    tag = null;
    open = true;
    if (entryWrites != null) {
      spare = entryWrites;
      entryWrites = null;
    }
    return this;
  }

  /**
   * Records the entry stamp of the input just added (static paths need it only among entries).
   * The write check has just found {@code id} live.
   */
  private void note(int id) {
    if (id < staticCount) { // a valid ID below it is a static path
      if (entryWrites != null) {
        entryWrites.stamp(input.size() - 1, 0);
      }
      return; // only static paths so far: nothing to check at apply()
    }
    entryWrites().stamp(input.size() - 1, engine.paths.stampOf(id));
  }

  private EntryWrites entryWrites() {
    if (entryWrites == null) {
      entryWrites = spare != null
          ? spare.restart(input.size(), engine.entryEpoch())
          : new EntryWrites(input.size(), engine.entryEpoch());
      spare = null;
    }
    return entryWrites;
  }

  /** Records entry {@code base}, reserved in {@code container} under {@code key} by this batch. */
  private void reserved(int container, String key, int base) {
    entryWrites().reserved(new EntryWrites.Reserved(
        container, engine.paths.stamp(container), key, base, engine.paths.stamp(base)));
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
    int id = engine.checkOwner(path);
    engine.addInput(input, id, value);
    note(id);
    return this;
  }

  /** Adds a write to a path ID. */
  public Batch set(int pathId, Object value) {
    checkOpen();
    engine.addInput(input, pathId, value);
    note(pathId);
    return this;
  }

  /** Adds a write to a dot path. */
  public Batch set(String path, Object value) {
    checkOpen();
    int id = engine.paths.resolve(path);
    engine.addInput(input, id, value);
    note(id);
    return this;
  }

  /** Adds an {@code int} write without boxing. */
  public Batch setInt(int pathId, int value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.INT, value);
    note(pathId);
    return this;
  }

  /** Adds a {@code long} write without boxing. */
  public Batch setLong(int pathId, long value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.LONG, value);
    note(pathId);
    return this;
  }

  /** Adds a {@code double} write without boxing. */
  public Batch setDouble(int pathId, double value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.DOUBLE, Double.doubleToLongBits(value));
    note(pathId);
    return this;
  }

  /** Adds a {@code boolean} write without boxing. */
  public Batch setBoolean(int pathId, boolean value) {
    checkOpen();
    engine.addInputBits(input, pathId, PathKind.BOOLEAN, value ? 1L : 0L);
    note(pathId);
    return this;
  }

  /**
   * Adds a write of a new or replaced entry {@code key} of the map at {@code mapId}. A new key gets
   * its path IDs now; if the batch is abandoned they are released again.
   */
  public Batch put(int mapId, String key, Object value) {
    checkOpen();
    engine.revalidate(this);
    int e = engine.entriesOf(mapId, true).forPut(mapId, key);
    if (!engine.isSet(e)) {
      reserved(mapId, key, e);
    }
    engine.addInput(input, e, value);
    note(e);
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
    engine.revalidate(this);
    return engine.entriesOf(mapId, true).forWrite(mapId, key);
  }

  /** Adds the removal of entry {@code key} of the map at {@code mapId}. */
  public Batch remove(int mapId, String key) {
    checkOpen();
    engine.revalidate(this);
    int e = engine.entriesOf(mapId, true).entry(mapId, key);
    engine.addRemoval(input, e);
    note(e);
    return this;
  }

  /** Adds an entry at the end of the list at {@code listId}. */
  public Batch add(int listId, Object value) {
    checkOpen();
    engine.revalidate(this);
    int e = engine.entriesOf(listId, false).forAdd(listId);
    reserved(listId, null, e);
    engine.addInput(input, e, value);
    note(e);
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
    if (entryWrites != null) {
      engine.revalidate(this); // before anything reads the inputs: their entries may have gone
    }
    open = false;
    return engine.run(input, tag, this);
  }
}
