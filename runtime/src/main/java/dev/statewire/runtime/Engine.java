package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static dev.statewire.runtime.internal.SchemaTables.boxed;

import dev.statewire.runtime.Aggregations.Agg;
import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.SchemaTables;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The engine behind a {@link Store}: it makes the store's parts, is the entry point for {@link
 * Store}, {@link Batch}, {@link Wiring} and {@link ListenerEvent}, and runs each batch: it holds
 * the writer slot while the {@link Pipeline} runs, then calls the subscribers and runs the batches
 * they started. It owns the phase of the running batch, the batch counter that makes old views
 * stale, and the snapshot cache. Package-private: users see {@link Store}. docs/ARCHITECTURE.md
 * maps the parts.
 *
 * <p>Parts a store may never use are absent until first use: pair wiring, aggregations,
 * listeners, subscribers, observers, and (without maps and lists) the entries.
 */
final class Engine implements ChangeBuffer.Context {
  /** The result of every batch that applied nothing: one view shared by all stores. */
  private static final Changes emptyView = Changes.EMPTY;

  /**
   * The writer slot, {@link #writer}, as a field rather than an AtomicReference object (16 B less
   * per store). Every access goes through {@link #writerAcquire}, {@link #claimWriter} and {@link
   * #releaseWriter}: a read is an acquire load, a claim an opaque store after a read that found the
   * slot empty, a release a release store. None is an atomic instruction (on x86 all three are
   * plain moves): a store is confined to one thread, and the slot only detects, best effort, a
   * second thread that writes while a batch runs (docs/RELIABILITY.md §4). Two threads that both
   * read the slot empty in the same few instructions both go on; a compare-and-set would catch
   * that too, at the price of a full fence in every batch.
   */
  private static final VarHandle WRITER;

  static {
    try {
      WRITER = MethodHandles.lookup().findVarHandle(Engine.class, "writer", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** What the store is doing: between batches, in the pipeline, calling listeners or subscribers. */
  enum Phase {
    IDLE,
    PIPELINE,
    LISTENERS,
    NOTIFY
  }

  /** What each path ID is: the static paths and the entries' blocks. */
  final PathSpace paths;
  /** The values. */
  final Shadow shadow;
  /** The life of map and list entries; null when the schema has no map or list. */
  final Entries entries;
  /** The stages of a batch, its queue and its applied changes. */
  final Pipeline pipeline;
  /** The sync and flip wiring; null while the store has none (none in the schema, none registered). */
  PairWiring pairs;
  /** The aggregations; null until the first. */
  private Aggregations ag;
  /** The listeners; null until the first listener registration. */
  private ListenerTable listeners;
  /**
   * The subscribers, the batches they and observers start, and the round that tells them; null
   * until the first subscriber or observer.
   */
  private Subscribers subscribers;
  /** The per-path observers; null until the first. */
  private Observers observers;
  /** The thread running a batch, or {@code null}: the writer slot (see {@link #WRITER}). */
  @SuppressWarnings("unused") // accessed through WRITER only
  private Thread writer;
  /** What the store is doing now. */
  private Phase phase = Phase.IDLE;
  /** Whether the store is being created: its first alignment and reads skip some stages. */
  private boolean initPhase;
  /** Counts batches (and other changes of the ID space): a view of an earlier one is stale. */
  private long generation;
  /** The batch object that {@link #newBatch} hands out again once it was applied. */
  private Batch cachedBatch;
  /**
   * The root value built by {@link #value}, until the next change. Only the owner thread writes
   * it ({@link #ownerId}): a snapshot built on another thread may have read a batch half-way, and
   * must not outlive it.
   */
  private Object snapshotCache;
  /**
   * The ID of the thread that created the store or ran its last batch: the one that may cache
   * snapshots (an ID, not the thread, so that a store never keeps a finished thread alive).
   */
  private long ownerId = Thread.currentThread().getId();

  Engine(SchemaTables st) {
    this.paths = new PathSpace(st);
    this.shadow = new Shadow(paths, this);
    this.pairs = st.syncPairs.length + st.flipPairs.length > 0 ? new PairWiring(this, paths) : null;
    this.entries = st.hasContainers ? new Entries(this, paths, shadow) : null;
    paths.attach(shadow, entries);
    this.pipeline = new Pipeline(this);
  }

  // ---- the writer slot ----

  /** The thread running a batch, or null: an acquire load of the slot. */
  private Thread writerAcquire() {
    return (Thread) WRITER.getAcquire(this);
  }

  /**
   * Takes the slot for {@code me} if it is empty; whether it did. An acquire load then an opaque
   * store, not a compare-and-set (see {@link #WRITER}): the store is not removed or merged by the
   * compiler, so a second thread sees it as soon as the hardware shows it.
   */
  private boolean claimWriter(Thread me) {
    if (WRITER.getAcquire(this) != null) {
      return false;
    }
    WRITER.setOpaque(this, me);
    return true;
  }

  /** Empties the slot: a release store, so the next writer sees everything this batch wrote. */
  private void releaseWriter() {
    WRITER.setRelease(this, null);
  }

  // =============================================================================================
  // creation
  // =============================================================================================

  void init(Object initial) {
    String problem = WriteCheck.problem(paths, 0, initial);
    if (problem != null) {
      throw new ValueTypeException("initial state: " + problem);
    }
    init(() -> shadow.writeValue(0, initial, null));
  }

  /** Creation from flat (path ID, value) pairs over an all-absent state (root present). */
  void initFlat(int[] ids, Object[] values) {
    if (ids.length != values.length) {
      throw new IllegalArgumentException(
          ids.length + " path IDs but " + values.length + " values: give one value per path");
    }
    for (int i = 0; i < ids.length; i++) {
      paths.checkConcrete(ids[i]);
      if (ids[i] >= paths.staticCount) {
        throw new UnknownPathException("path ID " + ids[i] + " is not a static path");
      }
      String problem = WriteCheck.problem(paths, ids[i], values[i]);
      if (problem != null) {
        throw new ValueTypeException("initial state: " + problem);
      }
    }
    init(() -> {
      shadow.setRootPresent();
      for (int i = 0; i < ids.length; i++) {
        shadow.materializeAncestors(ids[i], null);
        shadow.writeValue(ids[i], values[i], null);
      }
    });
  }

  private void init(Runnable writeInitial) {
    initPhase = true;
    try {
      SchemaTables st = paths.st;
      for (int k = 0; k < st.aggregations.length; k++) {
        if (st.aggregationScope[k] < 0) {
          aggregations().instantiate(k, 0, 0);
        }
      }
      writeInitial.run();
      if (entries != null) {
        entries.clearMarks();
      }
      // sync edges are in place; align them with only sync wiring active
      ChangeBuffer in = pairs == null ? null : pairs.initialAlignment();
      if (in != null && in.size() > 0) {
        pipeline.run(in, null, false);
      }
    } finally {
      initPhase = false;
      phase = Phase.IDLE;
    }
    if (ag != null) {
      ag.readAll(pipeline.queue());
    }
    sweep(); // entries that a read removed leave before the store is handed out
    paths.settle();
    pipeline.reset();
    snapshotCache = null;
  }

  // =============================================================================================
  // paths and entries, for Store and Batch (see PathSpace and Entries)
  // =============================================================================================

  @Override
  public String pathString(int id) {
    return paths.pathString(id);
  }

  <T> Path<T> typedPath(int id, Class<T> type) {
    return paths.typedPath(id, type, this);
  }

  int checkOwner(Path<?> p) {
    return paths.checkOwner(p, this);
  }

  /** The entries, after checking that {@code id} is a map ({@code map}) or a list of this store's. */
  Entries entriesOf(int id, boolean map) {
    if (entries == null) {
      paths.container(id, map); // throws: without maps and lists, no path is one
    }
    return entries;
  }

  /** The number of present entries of the map or list at {@code id}. */
  int containerSize(int id) {
    PathKind k = paths.kindOf(id); // checks the ID
    if (!k.isContainer()) {
      throw new IllegalArgumentException("\"" + pathString(id) + "\" is a " + k + ", not a map or list");
    }
    return entries.containerSize(id);
  }

  /**
   * Reserving an entry changes the store's tables, so it is refused while a batch runs on another
   * thread, or on this one from a listener; a subscriber may (its batch runs after this one).
   */
  void checkCanReserve() {
    Thread w = writerAcquire();
    if (w == null) {
      return;
    }
    Thread me = Thread.currentThread();
    if (w != me) {
      throw new ConcurrentWriteException(
          "store " + paths.rootName() + " is running a batch on thread \""
              + w.getName() + "\"; adding an entry from thread \"" + me.getName() + "\" was rejected"
              + " (a store is single-writer)");
    }
    if (phase != Phase.NOTIFY) {
      throw new IllegalStateException(
          "a listener must not write to the store while it is called; return the change with"
              + " event.emit(path, value) instead");
    }
  }

  /** The number of entry blocks removed so far (see {@link EntryWrites#epoch}). */
  int entryEpoch() {
    return entries == null ? 0 : entries.epoch();
  }

  /** Brings a batch kept while other batches ran up to date before it is used (see Entries). */
  void revalidate(Batch b) {
    if (entries != null) {
      entries.revalidate(b);
    }
  }

  // =============================================================================================
  // for the parts: the phase, views, optional parts
  // =============================================================================================

  /** Whether no batch runs. */
  boolean isIdle() {
    return phase == Phase.IDLE;
  }

  /** The pipeline enters stage group {@code p} (pipeline stages, or listeners). */
  void enterPhase(Phase p) {
    phase = p;
  }

  /** Whether the store is being created (its first alignment and reads run without some stages). */
  boolean isInitializing() {
    return initPhase;
  }

  /** Forgets the cached snapshot: the values are about to change. */
  void dropSnapshot() {
    snapshotCache = null;
  }

  /** Makes the views of earlier batches stale (their entries' IDs are about to be reused). */
  void staleViews() {
    generation++;
  }

  /** The aggregations, or null while there is none. */
  Aggregations aggregationsIfAny() {
    return ag;
  }

  /** The listeners, or null while there is none. */
  ListenerTable listenersIfAny() {
    return listeners;
  }

  /** The observers, or null while there is none. */
  Observers observersIfAny() {
    return observers;
  }

  /** Closes the runtime registrations that name a path among the IDs {@code [from, to)}. */
  void detachRuntimeIn(int from, int to) {
    if (pairs != null) {
      pairs.detachIn(from, to);
    }
    if (ag != null) {
      ag.detachIn(from, to);
    }
  }

  /** Removes the entries that ended the batch absent (see Entries). */
  void sweep() {
    if (entries != null) {
      entries.sweep();
    }
  }

  private void releasePendingFree() {
    if (entries != null) {
      entries.releasePendingFree();
    }
  }

  // =============================================================================================
  // values (see Shadow)
  // =============================================================================================

  @Override
  public long generation() {
    return generation;
  }

  /** The value at {@code id}: leaves boxed, nodes built; {@link Store#ABSENT} when absent. */
  Object value(int id) {
    paths.checkId(id);
    if (id == 0 && snapshotCache != null && phase == Phase.IDLE) {
      return snapshotCache;
    }
    Object v = shadow.build(id);
    if (id == 0 && phase == Phase.IDLE && Thread.currentThread().getId() == ownerId) {
      snapshotCache = v;
    }
    return v;
  }

  Object preBatchValue(int id) {
    paths.checkId(id);
    return shadow.build(id);
  }

  /**
   * The value at {@code id} if the changes queued so far (stage-5 survivors and earlier listener
   * outputs) were applied in order: what a listener needs to derive a value from the batch.
   */
  Object valueAfterQueued(int id) {
    paths.checkId(id);
    if (phase != Phase.LISTENERS) {
      throw new IllegalStateException("valueAfter may only be called while the listener runs");
    }
    return pipeline.valueAfterQueued(id);
  }

  @Override
  public Object box(int pathId, byte state, long b, Object ref) {
    return shadow.box(pathId, state, b, ref);
  }

  @Override
  public long checkedBits(int id, byte state, long b, PathKind expected) {
    return shadow.checkedBits(id, state, b, expected);
  }

  long bits(int id, PathKind expected) {
    paths.checkId(id);
    return shadow.checkedBits(id, shadow.tag[id], shadow.bits[id], expected);
  }

  boolean isSet(int id) {
    paths.checkId(id);
    return shadow.tag[id] == VALUE;
  }

  // =============================================================================================
  // batches: input
  // =============================================================================================

  Batch newBatch() {
    Thread w = writerAcquire(); // one read of the slot serves both checks
    if (w != null) {
      checkWriterForBuild();
    }
    Batch b = cachedBatch;
    // the cached batch's buffer is the queue while a batch runs: reuse it only when none runs
    if (b != null && !b.open && w == null) {
      return b.reset();
    }
    b = new Batch(this);
    if (w == null) {
      // the cached batch is open: in use, or dropped after a refused write; this one is
      // reused from now on, so that a dropped batch does not make every later write allocate
      cachedBatch = b;
    }
    return b.reset();
  }

  private void checkWriterForBuild() {
    if (phase == Phase.LISTENERS && writerAcquire() == Thread.currentThread()) {
      throw new IllegalStateException(
          "a listener must not write to the store while it is called; return the change with"
              + " event.emit(path, value) instead");
    }
  }

  void addInput(ChangeBuffer in, int p, Object v) {
    WriteCheck.add(paths, in, p, v, 0, null);
  }

  void addInputBits(ChangeBuffer in, int p, PathKind k, long b) {
    WriteCheck.addBits(paths, in, p, k, b, 0, null);
  }

  void addRemoval(ChangeBuffer in, int entryId) {
    in.add(entryId, ABSENT, 0, null, 0, null);
  }

  void emit(int p, Object v) {
    checkEmitting();
    ChangeBuffer q = pipeline.queue();
    WriteCheck.add(paths, q, p, v, ChangeFlag.LISTENER.bit(), null);
    listeners.fileOutput(q, q.size() - 1);
  }

  void emitBits(int p, PathKind k, long b) {
    checkEmitting();
    ChangeBuffer q = pipeline.queue();
    WriteCheck.addBits(paths, q, p, k, b, ChangeFlag.LISTENER.bit(), null);
    listeners.fileOutput(q, q.size() - 1);
  }

  private void checkEmitting() {
    if (phase != Phase.LISTENERS || writerAcquire() != Thread.currentThread()) {
      throw new IllegalStateException("ListenerEvent.emit may only be called while the listener runs");
    }
  }

  // =============================================================================================
  // batches: the pipeline
  // =============================================================================================

  /**
   * Runs a batch and returns the view of what it applied. Kept small so that it inlines into the
   * caller: a caller that ignores the view then lets escape analysis remove its allocation.
   */
  Changes run(ChangeBuffer input, Object tg, Batch batch) {
    // A batch whose every write equals the current value applies nothing (stage 1 drops it all):
    // decide that here, inlined into the caller, before taking the writer slot (a batch running
    // on any thread, this one's included, goes the full way)
    boolean compared = false;
    if (writerAcquire() == null && (entries == null || !entries.hasPending())) {
      if (allEqual(input)) {
        generation++; // earlier views go stale exactly as after a batch through the pipeline
        pipeline.appliedNothing();
        batch.input.clear();
        return emptyView;
      }
      compared = input.size() == 1; // its only input differs: stage 1 would keep it
    }
    int n = execute(input, tg, batch, compared);
    return n == 0 ? emptyView : n > 0 ? pipeline.changes(n) : subscribers.takeView();
  }

  /**
   * Runs a batch: the second-writer checks, the pipeline, then the subscribers. Returns the number
   * of changes applied (see {@link Pipeline#changes}), or {@code -1} when subscribers were
   * notified: their view is then kept by {@link Subscribers#handOff}.
   */
  private int execute(ChangeBuffer input, Object tg, Batch batch, boolean compared) {
    Thread me = Thread.currentThread();
    Thread w = writerAcquire();
    if (w == me) {
      if (phase == Phase.NOTIFY) {
        subscribers.defer(Batch.deferredCopy(this, input, tg, batch));
        return 0;
      }
      throw new IllegalStateException(
          "a listener must not write to the store while it is called; return the change with"
              + " event.emit(path, value) instead");
    }
    if (!claimWriter(me)) {
      Thread other = writerAcquire();
      throw new ConcurrentWriteException(
          "store " + paths.rootName() + " is running a batch on thread \""
              + (other == null ? "?" : other.getName()) + "\"; a write from thread \"" + me.getName()
              + "\" was rejected (a store is single-writer)");
    }
    ownerId = me.getId();
    ChangeBuffer before = pipeline.queue();
    try {
      int n = pipeline.run(input, tg, compared);
      if (n > 0 && subscribers != null && (!subscribers.isEmpty() || observers != null && observers.count() > 0)) {
        long committed = generation;
        // subscribers get the view; observers only need the applied changes, so that a round
        // without subscribers and without further batches leaves the view to the caller (run)
        Changes v = subscribers.isEmpty() ? null : pipeline.view();
        subscribers.notifyAll(this, v, n);
        if (v == null && generation == committed) {
          return n;
        }
        // batches ran since: the caller's view is stale, as a kept view is after the next batch
        subscribers.handOff(v != null ? v : Changes.stale(pipeline.queue(), n, committed));
        return -1;
      }
      return n;
    } finally {
      phase = Phase.IDLE;
      if (subscribers != null) {
        subscribers.clearDeferred();
      }
      if (batch != null) {
        batch.afterRun(pipeline.queue(), before); // its buffer may be the queue now
      }
      releaseWriter();
    }
  }

  /**
   * Whether stage 1 would reduce {@code input} to nothing. Asked only when no entry reserved by an
   * abandoned batch waits for the sweep: running such a batch would then change only the
   * generation. (Blocks that the previous batch removed need no batch: {@link Entries#allocate}
   * releases them before it reserves.)
   */
  private boolean allEqual(ChangeBuffer input) {
    for (int i = input.size() - 1; i >= 0; i--) {
      if (!shadow.equalsQueued(input, i)) {
        return false;
      }
    }
    return true;
  }

  /** The store's aggregations, made on first use. */
  Aggregations aggregations() {
    if (ag == null) {
      ag = new Aggregations(this, paths, shadow, shadow.capacity());
    }
    return ag;
  }

  // =============================================================================================
  // wiring, listeners and subscribers
  // =============================================================================================

  void checkIdle(String what) {
    if (phase != Phase.IDLE) {
      throw new IllegalStateException(
          "cannot " + what + " while a batch runs (from a listener or subscriber);"
              + " do it after the batch");
    }
  }

  Registration registerPair(boolean isFlip, int a, int b) {
    checkIdle(isFlip ? "register a flip" : "register a sync");
    if (pairs == null) {
      pairs = new PairWiring(this, paths);
    }
    return pairs.register(isFlip, a, b);
  }

  Registration registerAggregation(int target, int[] sources) {
    checkIdle("register an aggregation");
    Aggregations.checkRuntime(paths, ag, target, sources);
    Agg a = aggregations().add(target, sources, -1);
    RuntimeRegistration reg = ag.register(a);
    try {
      phaseGuardedRead(a);
    } catch (RuntimeException | Error e) {
      reg.close(); // the read failed and changed nothing: the aggregation goes too
      throw e;
    }
    return reg;
  }

  private void phaseGuardedRead(Agg a) {
    if (!claimWriter(Thread.currentThread())) {
      throw new ConcurrentWriteException("a batch runs on another thread; register wiring from the writer thread");
    }
    try {
      generation++;
      pipeline.reset();
      snapshotCache = null;
      pipeline.startLog(); // the read may call user code: if it throws, the store is put back
      try {
        ag.readUnreported(pipeline.queue(), a);
      } catch (RuntimeException | Error e) {
        pipeline.undoApply();
        sweep();
        releasePendingFree();
        paths.trimFreeTail();
        throw e;
      }
      pipeline.commitLog();
      sweep(); // entries that the read removed (null into a map target) leave now, not later
      paths.settle();
      if (observers != null && observers.count() > 0) {
        // the read wrote without a batch: each observed path compares its value, as after one
        observers.touchAll();
        subscribers.notifyAll(this, null, 0);
      }
    } finally {
      phase = Phase.IDLE;
      releaseWriter();
    }
  }

  // ---- listeners ----

  Registration registerListener(int path, int scope, Listener fn) {
    Objects.requireNonNull(fn, "listener");
    checkIdle("register a listener");
    paths.checkConcrete(path);
    paths.checkConcrete(scope);
    if (!paths.isAncestorOrSelf(scope, path)) {
      throw new WiringException(
          "listener scope \"" + pathString(scope) + "\" must be the path \"" + pathString(path)
              + "\" itself or one of its ancestors");
    }
    if (listeners == null) {
      listeners = new ListenerTable(this, paths, shadow.capacity());
    }
    return listeners.register(path, scope, fn);
  }

  Registration subscribe(Consumer<Changes> fn) {
    if (subscribers == null) {
      subscribers = new Subscribers();
    }
    return subscribers.add(fn);
  }

  /** Adds an observer on {@code path}; {@code typed} ones see null for an absent value. */
  Registration observe(int path, Observer<?> fn, boolean typed) {
    Objects.requireNonNull(fn, "observer");
    paths.checkConcrete(path);
    if (phase == Phase.PIPELINE || phase == Phase.LISTENERS) {
      throw new IllegalStateException(
          "cannot observe a path while a batch runs (from a listener): \"" + pathString(path)
              + "\"; do it after the batch, e.g. from a subscriber or an observer");
    }
    if (subscribers == null) {
      subscribers = new Subscribers(); // runs the rounds that tell observers
    }
    if (observers == null) {
      observers = new Observers(paths, shadow);
    }
    return observers.register(path, fn, typed);
  }

  /** The path of {@code template} inside entry (or entry node) {@code node}; see Store#pathIn. */
  <T> Path<T> pathIn(int node, Path<T> template) {
    int t = checkOwner(template);
    return typedPath(paths.inEntry(node, t), template.type());
  }

  Store.Stats stats() {
    int pendingIds = entries == null ? 0 : entries.pendingIds();
    return new Store.Stats(
        paths.idCount - paths.freeIdCount() - pendingIds,
        shadow.capacity(),
        paths.freeIdCount() + pendingIds,
        pairs == null ? 0 : pairs.syncEdges(),
        pairs == null ? 0 : pairs.flipEdges(),
        ag == null ? 0 : ag.size(),
        listeners == null ? 0 : listeners.count(),
        subscribers == null ? 0 : subscribers.size(),
        observers == null ? 0 : observers.count(),
        shadow.refSlots(paths.idCount));
  }
}
