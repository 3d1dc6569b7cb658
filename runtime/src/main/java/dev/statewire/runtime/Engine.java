package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static dev.statewire.runtime.internal.SchemaTables.boxed;

import dev.statewire.runtime.Aggregations.Agg;
import dev.statewire.runtime.PathSpace.Container;
import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.ComponentGraph;
import dev.statewire.runtime.internal.ComponentGraph.Group;
import dev.statewire.runtime.internal.Copies;
import dev.statewire.runtime.internal.IntCounts;
import dev.statewire.runtime.internal.IntList;
import dev.statewire.runtime.internal.SchemaTables;
import dev.statewire.runtime.internal.UndoLog;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The engine behind a {@link Store}: shadow state in primitive arrays, the dynamic path table,
 * the wiring, the listeners and the pipeline of PIPELINE.md §3. Package-private: users see
 * {@link Store}.
 *
 * <p>Shadow state: per path ID a state byte ({@code ABSENT}, {@code NULL}, {@code VALUE}) in
 * {@code tag}, the primitive bits in {@code bits} (booleans 0/1, integral values, floats and
 * doubles as their canonical {@code floatToIntBits}/{@code doubleToLongBits}) and references
 * (strings, enums, opaque objects) in {@code refs}. A node path has state {@code VALUE} when the
 * record, map or list is present; its value lives in its children.
 */
final class Engine implements ChangeBuffer.Context {
  private static final int MAX_DEFERRED_BATCHES = 1000;
  private static final int EXACT = 0;
  private static final int CHILD = 1;
  private static final int PARENT = 2;

  // shared empty arrays: per-store tables start as these and grow on first use
  private static final int[] NO_INTS = new int[0];
  private static final boolean[] NO_BOOLEANS = new boolean[0];
  private static final Group[] NO_GROUPS = new Group[0];

  /** The writer slot as a field, not an AtomicReference object (16 B less per store). */
  private static final VarHandle WRITER;

  static {
    try {
      WRITER = MethodHandles.lookup().findVarHandle(Engine.class, "writer", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private enum Phase {
    IDLE,
    PIPELINE,
    LISTENERS,
    NOTIFY
  }

  final Schema schema;
  final SchemaTables st;
  private final int staticCount;

  /** What each path ID is: the static paths and the entries' blocks. */
  final PathSpace paths;
  /** The values. */
  final Shadow shadow;

  /** The life of map and list entries; null when the schema has no map or list. */
  private final Entries entries;

  // ---- wiring ----
  /** The sync and flip wiring. */
  private final PairWiring pairs;
  private boolean initPhase;
  /** The aggregations; null until the first (a store without any pays one reference). */
  private Aggregations ag;
  private List<RuntimeRegistration> runtimeRegs = Collections.emptyList(); // same (saves 24 B)

  // ---- listeners and subscribers ----
  /** The listeners; null until the first listener registration. */
  private ListenerTable listeners;
  private List<SubscriberReg> subscribers = Collections.emptyList(); // same (saves 24 B)

  // ---- batch state ----
  private ChangeBuffer q;
  /** The queue buffer of the previous batch, handed back to the batch whose buffer became q. */
  private ChangeBuffer spare;
  /** The result of every batch that applied nothing: one view shared by all stores. */
  private static final Changes emptyView = Changes.EMPTY;
  // per-store buffers start empty and grow on first use: a million small stores must fit in 1 GB
  // (measured before: 4,224 B of fixed buffers per 50-path store)
  private int[] applied = NO_INTS;
  private int appliedCount;
  private long generation;
  private Batch cachedBatch;
  /** The thread running a batch, or {@code null}; accessed through {@link #WRITER}. */
  private volatile Thread writer;
  private Phase phase = Phase.IDLE;
  private ArrayDeque<Batch> deferred;
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
  /** The undo log while the running batch's apply stage may call user code, else null. */
  private UndoLog undo;

  Engine(Schema schema) {
    this.schema = schema;
    this.st = schema.tables();
    this.staticCount = st.size;
    this.paths = new PathSpace(st);
    this.shadow = new Shadow(st, paths, this);
    paths.attach(shadow);
    this.pairs = new PairWiring(this, paths, shadow);
    this.entries = st.hasContainers ? new Entries(this, paths, shadow, pairs) : null;
    // buffers start with room for one change and double as batches need (saves 40 B per store
    // against capacities 2 and 4)
    this.q = new ChangeBuffer(this, 1);
  }

  // Rarely used per-store tables (entries, wiring, listeners, subscribers) start as the shared
  // empty list or map, or null, and get an object of their own on first use; hot paths that only
  // read them need no null check. Measured, 50-path store after one batch: 1,744 -> 1,448 B by
  // itself, 1,608.136 -> 1,256.192 B amortized over 1,000 stores (Footprint); with the smaller
  // change buffers and maybeDead shared until used, 1,240 B and 1,024.216 B: a million such
  // stores fit in -Xmx1g (ManyStores).

  /** {@code list}, or a new list of this store's own in place of the shared empty one. */
  private static <T> List<T> own(List<T> list) {
    return list instanceof ArrayList ? list : new ArrayList<>();
  }

  // =============================================================================================
  // creation
  // =============================================================================================

  void init(Object initial) {
    String problem = WriteCheck.problem(paths, 0, initial);
    if (problem != null) {
      throw new ValueTypeException("initial state: " + problem);
    }
    init(() -> shadow.writeValue(0, initial));
  }

  /** Creation from flat (path ID, value) pairs over an all-absent state (root present). */
  void initFlat(int[] ids, Object[] values) {
    if (ids.length != values.length) {
      throw new IllegalArgumentException(
          ids.length + " path IDs but " + values.length + " values: give one value per path");
    }
    for (int i = 0; i < ids.length; i++) {
      paths.checkConcrete(ids[i]);
      if (ids[i] >= staticCount) {
        throw new UnknownPathException("path ID " + ids[i] + " is not a static path");
      }
      String problem = WriteCheck.problem(paths, ids[i], values[i]);
      if (problem != null) {
        throw new ValueTypeException("initial state: " + problem);
      }
    }
    init(() -> {
      shadow.tag[0] = VALUE;
      for (int i = 0; i < ids.length; i++) {
        shadow.materializeAncestors(ids[i]);
        shadow.writeValue(ids[i], values[i]);
      }
    });
  }

  private void init(Runnable writeInitial) {
    initPhase = true;
    try {
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
      ChangeBuffer in = pairs.initialAlignment();
      if (in.size() > 0) {
        runPipeline(in, null);
      }
    } finally {
      initPhase = false;
      phase = Phase.IDLE;
    }
    if (ag != null) {
      ag.readAll(q);
    }
    sweep(); // entries that a read removed leave before the store is handed out
    paths.settle();
    q.clear();
    appliedCount = 0;
    snapshotCache = null;
  }

  // =============================================================================================
  // path table
  // =============================================================================================

  // ---- paths (see PathSpace) ----

  PathKind kindOf(int id) {
    paths.checkId(id);
    return paths.kind(id);
  }

  @Override
  public String pathString(int id) {
    return paths.pathString(id);
  }

  int resolve(String path) {
    return paths.resolve(path);
  }

  int entry(int mapId, String key) {
    return paths.entry(mapId, key);
  }

  /** The entry {@code key} of the map at {@code mapId}, or -1 if it has none. */
  int findEntry(int mapId, String key) {
    return paths.findEntry(mapId, key);
  }

  /**
   * The entry {@code key} of the map at {@code mapId} for a write being added to a batch: an
   * existing entry, or one reserved by an earlier {@code put} of the same batch.
   */
  int entryForWrite(int mapId, String key) {
    return entries(mapId, true).forWrite(mapId, key);
  }

  int listEntry(int listId, int index) {
    return paths.listEntry(listId, index);
  }

  List<String> keys(int mapId) {
    return paths.keys(mapId);
  }

  int containerSize(int id) {
    return paths.containerSize(id);
  }

  <T> Path<T> typedPath(int id, Class<T> type) {
    return paths.typedPath(id, type, this);
  }

  int checkOwner(Path<?> p) {
    return paths.checkOwner(p, this);
  }

  /** The stamp of a live path ID: 0 for a static path, else its entry block's. */
  int stamp(int id) {
    return paths.stamp(id);
  }

  /** {@code id}, after checking that it still names the entry it named when {@code stamp} was read. */
  int checkedId(int id, int stamp) {
    return paths.checkedId(id, stamp);
  }

  /** {@link Store#pathOf}: the path of a live ID, or what is still known of a removed entry's. */
  String pathOf(int id) {
    return paths.pathOf(id);
  }

  // =============================================================================================
  // entries (see Entries)
  // =============================================================================================

  /** The entries, after checking that {@code id} is a map ({@code map}) or a list of this store's. */
  private Entries entries(int id, boolean map) {
    if (entries == null) {
      paths.container(id, map); // throws: without maps and lists, no path is one
    }
    return entries;
  }

  int entryForPut(int mapId, String key) {
    return entries(mapId, true).forPut(mapId, key);
  }

  int entryForAdd(int listId) {
    return entries(listId, false).forAdd(listId);
  }

  /**
   * Reserving an entry changes the store's tables, so it is refused while a batch runs on another
   * thread, or on this one from a listener; a subscriber may (its batch runs after this one).
   */
  void checkCanReserve() {
    Thread w = writer;
    if (w == null) {
      return;
    }
    Thread me = Thread.currentThread();
    if (w != me) {
      throw new ConcurrentWriteException(
          "store " + schema.rootType().getSimpleName() + " is running a batch on thread \""
              + w.getName() + "\"; adding an entry from thread \"" + me.getName() + "\" was rejected"
              + " (a store is single-writer)");
    }
    if (phase != Phase.NOTIFY) {
      throw new IllegalStateException(
          "a listener must not write to the store while it is called; return the change with"
              + " event.emit(path, value) instead");
    }
  }

  /** Whether {@code id} (a valid path ID) is a static path. */
  boolean isStatic(int id) {
    return id < staticCount;
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

  /** Notes entry {@code id} for the sweep at the end of the batch. */
  void markMaybeDead(int id) {
    entries.markMaybeDead(id);
  }

  /** Reserves an entry block under container {@code cont} (see Entries). */
  int allocate(int cont, String key) {
    return entries.allocate(cont, key);
  }

  /** Whether no batch runs. */
  boolean isIdle() {
    return phase == Phase.IDLE;
  }

  /** Makes the views of earlier batches stale (their entries' IDs are about to be reused). */
  void staleViews() {
    generation++;
  }

  /** Notes a block reserved while the apply stage runs: it goes again if the stage is undone. */
  void logReserved(int base) {
    if (undo != null) {
      undo.blocks.add(base);
    }
  }

  /** The aggregations, or null while there is none. */
  Aggregations aggregationsIfAny() {
    return ag;
  }

  /** The listeners, or null while there is none. */
  ListenerTable listenersIfAny() {
    return listeners;
  }

  /** Closes the runtime registrations that name a path among the IDs {@code [from, to)}. */
  void detachRuntimeIn(int from, int to) {
    for (int i = runtimeRegs.size() - 1; i >= 0; i--) {
      RuntimeRegistration r = runtimeRegs.get(i);
      if (r.touches(from, to)) {
        r.detach();
      }
    }
  }

  private void sweep() {
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
  // values: encoding, reading, comparing, writing
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
    Object v = shadow.build(id);
    for (int i = 0; i < q.size(); i++) {
      int c = q.path[i];
      if (paths.isAncestorOrSelf(c, id)) {
        Object written = shadow.box(c, q.state(i), q.bits[i], q.ref(i));
        v = c == id ? written : shadow.extract(written, c, id);
      } else if (paths.isAncestorOrSelf(id, c)) {
        v = shadow.overlay(v, id, c, shadow.box(c, q.state(i), q.bits[i], q.ref(i)));
      }
    }
    return v;
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
    Thread w = writer; // one read of the volatile slot serves both checks
    if (w != null) {
      checkWriterForBuild();
    }
    Batch b = cachedBatch;
    // the cached batch's buffer is the queue while a batch runs: reuse it only when none runs
    if (b != null && !b.open && w == null) {
      return b.reset();
    }
    b = new Batch(this);
    if (cachedBatch == null) {
      cachedBatch = b;
    }
    return b.reset();
  }

  private void checkWriterForBuild() {
    if (phase == Phase.LISTENERS && writer == Thread.currentThread()) {
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
    WriteCheck.add(paths, q, p, v, ChangeFlag.LISTENER.bit(), null);
    listeners.fileOutput(q, q.size() - 1);
  }

  void emitBits(int p, PathKind k, long b) {
    checkEmitting();
    WriteCheck.addBits(paths, q, p, k, b, ChangeFlag.LISTENER.bit(), null);
    listeners.fileOutput(q, q.size() - 1);
  }

  private void checkEmitting() {
    if (phase != Phase.LISTENERS || writer != Thread.currentThread()) {
      throw new IllegalStateException("ListenerEvent.emit may only be called while the listener runs");
    }
  }

  // =============================================================================================
  // batches: the pipeline
  // =============================================================================================

  /**
   * Runs a batch and returns the view of what it applied. Kept small so that it inlines into the
   * caller: a caller that ignores the view lets escape analysis remove its allocation (measured:
   * batch1OneSyncPeerIgnored 32 -> 0 B/op).
   */
  Changes run(ChangeBuffer input, Object tg, Batch batch) {
    // A batch whose every write equals the current value applies nothing (stage 1 drops it all):
    // decide that here, inlined into the caller, before taking the writer slot (a batch running
    // on any thread, this one's included, goes the full way). Measured: noopBatch 42.762 ->
    // 20.177 ns.
    if (writer == null && isNoop(input)) {
      generation++; // earlier views go stale exactly as after a batch through the pipeline
      appliedCount = 0;
      batch.input.clear();
      return emptyView;
    }
    int n = execute(input, tg, batch);
    return n == 0 ? emptyView : n > 0 ? Changes.of(q, applied, n) : takeNotifiedView();
  }

  /** The view handed to subscribers, which {@link #execute} returns as {@code -1}. */
  private Changes notifiedView;

  private Changes takeNotifiedView() {
    Changes v = notifiedView;
    notifiedView = null;
    return v;
  }

  /** The current queue's applied changes as a view. */
  private Changes view() {
    return appliedCount == 0 ? emptyView : Changes.of(q, applied, appliedCount);
  }

  /**
   * Runs a batch: the second-writer checks, the pipeline, then the subscribers. Returns the number
   * of changes applied ({@link #q} at {@link #applied}), or {@code -1} when subscribers were
   * notified: their view is then in {@link #notifiedView}.
   */
  private int execute(ChangeBuffer input, Object tg, Batch batch) {
    Thread me = Thread.currentThread();
    Thread w = writer;
    if (w == me) {
      if (phase == Phase.NOTIFY) {
        Batch copy = new Batch(this).reset();
        for (int i = 0; i < input.size(); i++) {
          copy.input.copyFrom(input, i, input.path[i], input.flags(i));
        }
        if (batch != null && batch.entryWrites != null) {
          copy.entryWrites = new EntryWrites(batch.entryWrites); // earlier batches may remove its entries
        }
        copy.open = false;
        if (deferred == null) {
          deferred = new ArrayDeque<>();
          deferredTags = new ArrayDeque<>();
        }
        deferredTags.add(tg == null ? NO_TAG : tg);
        deferred.add(copy);
        return 0;
      }
      throw new IllegalStateException(
          "a listener must not write to the store while it is called; return the change with"
              + " event.emit(path, value) instead");
    }
    if (!WRITER.compareAndSet(this, null, me)) {
      Thread other = writer;
      throw new ConcurrentWriteException(
          "store " + schema.rootType().getSimpleName() + " is running a batch on thread \""
              + (other == null ? "?" : other.getName()) + "\"; a write from thread \"" + me.getName()
              + "\" was rejected (a store is single-writer)");
    }
    ownerId = me.getId();
    try {
      int n = runPipeline(input, tg);
      if (n > 0 && !subscribers.isEmpty()) {
        Changes v = view();
        notifySubscribers(v);
        notifiedView = v;
        return -1;
      }
      return n;
    } finally {
      phase = Phase.IDLE;
      if (deferred != null && !deferred.isEmpty()) {
        deferred.clear();
        deferredTags.clear();
      }
      if (batch != null) {
        if (batch.input == q && spare != null) {
          batch.input = spare; // the batch's buffer is now the queue: swap the old queue in
        }
        batch.input.clear();
      }
      spare = null;
      WRITER.setRelease(this, null);
    }
  }

  /**
   * Whether stage 1 would reduce {@code input} to nothing and no entry reserved by an abandoned
   * batch waits for the sweep: running such a batch would change only the generation. (Blocks that
   * the previous batch removed need no batch: {@link #allocate} releases them before it reserves.)
   */
  private boolean isNoop(ChangeBuffer input) {
    if (entries != null && entries.hasPending()) {
      return false;
    }
    for (int i = input.size() - 1; i >= 0; i--) {
      if (!shadow.equalsQueued(input, i)) {
        return false;
      }
    }
    return true;
  }

  private ArrayDeque<Object> deferredTags;
  private static final Object NO_TAG = new Object();

  /**
   * Calls every subscriber with {@code first}, then runs the batches they started, each followed
   * by its own round. The batch is committed by now, so a subscriber that throws (or a batch it
   * started that fails) does not stop the others: the exception goes to the thread's uncaught
   * exception handler, as JavaFX does with its listeners, and the caller's write still succeeds.
   */
  private void notifySubscribers(Changes first) {
    Changes result = first;
    int chained = 0;
    while (true) {
      if (result != null) {
        phase = Phase.NOTIFY;
        for (SubscriberReg s : new ArrayList<>(subscribers)) {
          if (s.active) {
            try {
              s.fn.accept(result);
            } catch (RuntimeException | Error e) {
              report(e);
            }
          }
        }
      }
      Batch next = deferred == null ? null : deferred.poll();
      if (next == null) {
        return;
      }
      Object nextTag = deferredTags.poll();
      nextTag = nextTag == NO_TAG ? null : nextTag;
      if (++chained > MAX_DEFERRED_BATCHES) {
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < next.input.size() && i < 10; i++) {
          paths.append(i == 0 ? "" : ", ").append(pathString(next.input.path[i]));
        }
        throw new StateException(
            "subscribers started " + MAX_DEFERRED_BATCHES + " batches in a row without settling;"
                + " the last one wrote [" + paths + "]. Stop writing from a subscriber once the"
                + " state is what it wants");
      }
      try {
        revalidate(next);
        phase = Phase.PIPELINE;
        runPipeline(next.input, nextTag);
      } catch (RuntimeException | Error e) {
        appliedCount = 0;
        report(e); // abandoned: it applied nothing, and the batches after it still run
      }
      // a batch that applied nothing notifies no one (PIPELINE.md §6)
      result = appliedCount == 0 ? null : view();
    }
  }

  /** Hands an exception that no caller can receive to the current thread's handler. */
  private static void report(Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    Thread t = Thread.currentThread();
    t.getUncaughtExceptionHandler().uncaughtException(t, e);
  }

  /**
   * Stages 1–9 for one batch. The caller holds the writer slot. {@code input} becomes the queue
   * (no copy); the previous queue buffer is returned through {@link #spare} for the caller to
   * reuse as its next input buffer. Returns the number of changes applied.
   */
  private int runPipeline(ChangeBuffer input, Object tg) {
    phase = Phase.PIPELINE;
    generation++;
    releasePendingFree();
    spare = q;
    spare.clear();
    q = input;
    appliedCount = 0;
    boolean ok = false;
    try {
      if (tg != null) {
        q.tagAll(tg);
      }
      // 1. input no-op filter
      if (filterNoops(0) == 0) {
        ok = true;
        sweep();
        return 0;
      }
      // 2–4. aggregation writes, sync, flip
      int inputs = expandRegion(0);
      // 5. expansion no-op filter; the inputs that stage 1 kept (still first in the queue) differ
      // from the pre-batch state already, so only the expansion is checked again
      if (filterNoops(inputs) == 0) {
        ok = true;
        sweep();
        return 0;
      }
      // 6–7. listeners, then their outputs through stages 2–4
      if (listeners != null && listeners.count() > 0 && !initPhase) {
        int from = q.size();
        if (listeners.match(q, from)) {
          phase = Phase.LISTENERS;
          try {
            listeners.call(q);
          } finally {
            phase = Phase.PIPELINE;
          }
        }
        if (q.size() > from) {
          expandRegion(from);
        }
      }
      // 8–9. apply and aggregation read; undone if user code called there throws
      snapshotCache = null;
      if (applyMayCallUserCode()) {
        startUndo();
      }
      try {
        applyQueue();
        if (ag != null && !ag.isEmpty() && !initPhase && appliedCount > 0) {
          // targets are read before removed entries leave, as if they had left
          if (entries != null) {
            entries.markLeaving();
          }
          ag.readTouched(q, applied, appliedCount, entries != null && entries.anyLeaving());
          unmarkLeaving();
        }
      } catch (RuntimeException | Error e) {
        if (undo != null) {
          undoApply();
        } else {
          unmarkLeaving(); // no user code ran: an internal failure, reported as it is
        }
        throw e;
      }
      undo = null;
      ok = true;
      sweep();
      if (appliedCount > 0) {
        snapshotCache = null;
      }
      return appliedCount;
    } finally {
      if (!ok) {
        // abandoned (before apply, or undone): nothing is written; give back the entries it reserved
        appliedCount = 0;
        sweep();
        releasePendingFree();
        paths.trimFreeTail();
        q.clear();
      } else {
        paths.settle();
      }
    }
  }

  /** Stage 8: writes each queue entry that differs from the value at its path at that moment. */
  private void applyQueue() {
    int n = q.size();
    if (applied.length < n) {
      applied = new int[Math.max(n, applied.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      if (!shadow.equalsQueued(q, i)) {
        shadow.write(q, i);
        applied[appliedCount++] = i;
      }
    }
  }

  // ---- undoing an apply stage that failed ----

  /**
   * Whether stage 8 or 9 of the queued batch may call user code: an {@code equals}, a record
   * accessor or constructor, or a map's or list's own methods, through a value of a record,
   * container or opaque path, or through an aggregation over such paths. Only then are the writes
   * logged; strings, enums and primitives compare and write without user code.
   */
  private boolean applyMayCallUserCode() {
    if (ag != null && ag.readsCallUserCode()) {
      return true;
    }
    if (!q.holdsRefs()) {
      return false;
    }
    for (int i = q.size() - 1; i >= 0; i--) {
      if (q.ref(i) != null && paths.kind(q.path[i]).holdsUserValues()) {
        return true;
      }
    }
    return false;
  }

  private void startUndo() {
    undo = new UndoLog(); // only batches that hold records, containers or opaque values need one
  }

  /** Saves slot {@code p} before a write, while an undo log is kept. */
  void remember(int p) {
    UndoLog u = undo;
    if (u != null) {
      shadow.save(u, p);
    }
  }

  /** Saves the key order of map {@code c} before stage 9 gives a key to a new entry, while an undo log is kept. */
  void logKeyOrder(Container c) {
    if (undo != null) {
      undo.keyOrder(c.keys);
    }
  }

  /**
   * Puts back every slot the apply stage wrote, newest first, and hands the entries it reserved to
   * the sweep of the abandoned batch; the store is then as before the batch.
   */
  private void undoApply() {
    UndoLog u = undo;
    undo = null;
    unmarkLeaving();
    shadow.restore(u);
    u.restoreKeyOrders(); // keys that stage 9 gave to new entries go back to the removed ones
    for (int i = 0; i < u.blocks.size(); i++) {
      markMaybeDead(u.blocks.get(i));
    }
    appliedCount = 0;
    snapshotCache = null;
  }

  /** Drops queue entries equal to the current value; returns the new size. */
  private int filterNoops(int from) {
    int n = q.size();
    int w = from;
    for (int i = from; i < n; i++) {
      if (!shadow.equalsQueued(q, i)) {
        if (w != i) {
          q.move(i, w);
        }
        w++;
      }
    }
    q.truncate(w);
    return w;
  }

  /**
   * Stages 2–4 over queue entries {@code [from, size)}; returns the end of the entries of the
   * region that stage 2 kept in place (those that were not aggregation-target writes).
   */
  private int expandRegion(int from) {
    int kept = q.size();
    if (ag != null && !ag.isEmpty() && !initPhase) {
      kept = ag.fanOut(q, from);
    }
    pairs.expand(q, from, initPhase);
    return kept;
  }

  // ---- stage 9 ----

  private void unmarkLeaving() {
    if (entries != null) {
      entries.unmarkLeaving();
    }
  }

  /** Reports queue entry {@code qi}, applied by stage 9, as an applied change of the batch. */
  void recordApplied(int qi) {
    if (applied.length <= appliedCount) {
      applied = Arrays.copyOf(applied, applied.length * 2 + 1);
    }
    applied[appliedCount++] = qi;
  }

  /** The store's aggregations, made on first use. */
  Aggregations aggregations() {
    if (ag == null) {
      ag = new Aggregations(this, paths, shadow, shadow.capacity());
    }
    return ag;
  }

  // =============================================================================================
  // wiring
  // =============================================================================================

  void checkIdle(String what) {
    if (phase != Phase.IDLE) {
      throw new IllegalStateException(
          "cannot " + what + " while a batch runs (from a listener or subscriber);"
              + " do it after the batch");
    }
  }

  Registration registerPair(boolean isFlip, int a, int b) {
    return pairs.register(isFlip, a, b);
  }

  Registration registerAggregation(int target, int[] sources) {
    checkIdle("register an aggregation");
    paths.checkConcrete(target);
    Class<?> tt = st.types[paths.tmpl(target)];
    if (tt.isPrimitive()) {
      throw new WiringException(
          "aggregation target \"" + pathString(target) + "\" is " + tt.getName()
              + ", which cannot hold null (the value when sources disagree); use "
              + boxed(tt).getSimpleName());
    }
    for (int s : sources) {
      paths.checkConcrete(s);
      if (!paths.sameType(s, target, true)) {
        throw new WiringException(
            "aggregation sources must have the target's type, but target \"" + pathString(target)
                + "\" is " + paths.typeName(target) + " and source \"" + pathString(s) + "\" is " + paths.typeName(s));
      }
      if (s == target) {
        throw new WiringException(
            "aggregation target \"" + pathString(target) + "\" cannot also be one of its sources");
      }
    }
    String cycle = ag == null ? null : ag.cycle(target, sources);
    if (cycle != null) {
      throw new WiringException(
          "circular aggregation: \"" + pathString(target) + "\" would be both a target and a source"
              + " of one aggregation chain (" + cycle + ")");
    }
    Agg a = aggregations().add(target, sources, -1);
    AggReg reg = new AggReg(a);
    addRuntime(reg);
    try {
      phaseGuardedRead(a);
    } catch (RuntimeException | Error e) {
      reg.close(); // the read failed and changed nothing: the aggregation goes too
      throw e;
    }
    return reg;
  }

  private void phaseGuardedRead(Agg a) {
    if (!WRITER.compareAndSet(this, null, Thread.currentThread())) {
      throw new ConcurrentWriteException("a batch runs on another thread; register wiring from the writer thread");
    }
    try {
      generation++;
      q.clear();
      appliedCount = 0;
      snapshotCache = null;
      startUndo(); // the read may call user code: if it throws, the store is put back
      try {
        ag.readUnreported(q, a);
      } catch (RuntimeException | Error e) {
        undoApply();
        sweep();
        releasePendingFree();
        paths.trimFreeTail();
        throw e;
      }
      undo = null;
      sweep(); // entries that the read removed (null into a map target) leave now, not later
      paths.settle();
    } finally {
      writer = null;
    }
  }

  // ---- registrations ----

  /** Lists runtime registration {@code r}, active from now. */
  void addRuntime(RuntimeRegistration r) {
    runtimeRegs = own(runtimeRegs);
    runtimeRegs.add(r);
  }

  /** Takes runtime registration {@code r}, closed, off the list. */
  void dropRuntime(RuntimeRegistration r) {
    runtimeRegs.remove(r);
  }

  private final class AggReg extends RuntimeRegistration {
    final Agg agg;
    final String text;

    AggReg(Agg agg) {
      super(Engine.this);
      this.agg = agg;
      this.text = "aggregate " + pathString(agg.target);
    }

    @Override
    void undo() {
      ag.remove(agg);
    }

    @Override
    boolean touches(int from, int to) {
      return Aggregations.touches(agg, from, to);
    }

    @Override
    public String toString() {
      return "registration [" + text + "]";
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

  private final class SubscriberReg implements Registration {
    final Consumer<Changes> fn;
    boolean active = true;

    SubscriberReg(Consumer<Changes> fn) {
      this.fn = fn;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public void close() {
      if (!active) {
        throw new IllegalStateException("subscriber registration was closed already");
      }
      active = false;
      subscribers.remove(this);
    }
  }

  Registration subscribe(Consumer<Changes> fn) {
    Objects.requireNonNull(fn, "subscriber");
    SubscriberReg r = new SubscriberReg(fn);
    subscribers = own(subscribers);
    subscribers.add(r);
    return r;
  }

  Store.Stats stats() {
    int pendingIds = entries == null ? 0 : entries.pendingIds();
    return new Store.Stats(
        paths.idCount - paths.freeIdCount() - pendingIds,
        shadow.capacity(),
        paths.freeIdCount() + pendingIds,
        pairs.syncEdges(),
        pairs.flipEdges(),
        ag == null ? 0 : ag.size(),
        listeners == null ? 0 : listeners.count(),
        subscribers.size(),
        shadow.refSlots(paths.idCount));
  }
}
