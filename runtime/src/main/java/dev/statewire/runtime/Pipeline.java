package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.UndoLog;
import java.util.Arrays;

/**
 * The stages of one batch over its queue (docs/PIPELINE.md): 1 input no-op filter, 2 aggregation
 * writes, 3 sync, 4 flip, 5 expansion no-op filter, 6 listeners, 7 their outputs through 2–4,
 * 8 apply, 9 aggregation reads. Owns the queue and the list of applied changes, and puts the
 * values back (through the {@link Shadow}'s undo log) when user code called by stage 8 or 9
 * throws: a batch that fails applies nothing. The engine runs it while it holds the writer slot.
 */
final class Pipeline {
  private static final int[] NO_INTS = new int[0];

  /** The store's engine: its phase, views, parts and the sweep. */
  private final Engine engine;
  /** The queue of the running (or last) batch: its inputs, then what stages 2–9 derive. */
  private ChangeBuffer q;
  /** Queue indexes of the applied changes, in order; grows on first use. */
  private int[] applied = NO_INTS;
  /** Number of applied changes of the running (or last) batch. */
  private int appliedCount;
  /** The log of the slots written while the running apply stage may call user code, else null. */
  private UndoLog undo;

  Pipeline(Engine engine) {
    this.engine = engine;
    // starts with room for one change and doubles as batches need (saves 40 B per store against
    // capacities 2 and 4)
    this.q = new ChangeBuffer(engine, 1);
  }

  /** The queue of the running (or last) batch. */
  ChangeBuffer queue() {
    return q;
  }

  /** Number of applied changes of the last batch. */
  int appliedCount() {
    return appliedCount;
  }

  /** Queue indexes of the applied changes of the last batch (the first {@link #appliedCount}). */
  int[] appliedIndexes() {
    return applied;
  }

  /** The first {@code n} applied changes of the last batch, as a view. */
  Changes changes(int n) {
    return Changes.of(q, applied, n);
  }

  /** The applied changes of the last batch as a view. */
  Changes view() {
    return appliedCount == 0 ? Changes.EMPTY : Changes.of(q, applied, appliedCount);
  }

  /** The value at {@code id} if the changes queued so far were applied in order. */
  Object valueAfterQueued(int id) {
    Object v = engine.shadow.build(id);
    for (int i = 0; i < q.size(); i++) {
      int c = q.path[i];
      if (engine.paths.isAncestorOrSelf(c, id)) {
        Object written = engine.shadow.box(c, q.state(i), q.bits[i], q.ref(i));
        v = c == id ? written : engine.shadow.extract(written, c, id);
      } else if (engine.paths.isAncestorOrSelf(id, c)) {
        v = engine.shadow.overlay(v, id, c, engine.shadow.box(c, q.state(i), q.bits[i], q.ref(i)));
      }
    }
    return v;
  }

  /** Forgets the last batch: nothing applied, an empty queue (creation, a registration's read). */
  void reset() {
    q.clear();
    appliedCount = 0;
  }

  /** Records that the last batch applied nothing (it did not run, or was abandoned). */
  void appliedNothing() {
    appliedCount = 0;
  }

  /** The undo log of the running apply stage, or null when its writes are not logged. */
  UndoLog undoLog() {
    return undo;
  }

  /** Starts logging every slot written, so that {@link #undoApply} can put them back. */
  void startLog() {
    undo = new UndoLog();
  }

  /** Drops the undo log: the writes stay. */
  void commitLog() {
    undo = null;
  }

  /** Notes an entry block reserved while the writes are logged: it goes again if they are undone. */
  void logReserved(int base) {
    if (undo != null) {
      undo.blocks.add(base);
    }
  }

  /** Gives back what an abandoned run reserved: nothing of it is written. */
  private void abandon() {
    appliedCount = 0;
    engine.sweep();
    Entries entries = engine.entries;
    if (entries != null) {
      entries.releasePendingFree();
    }
    engine.paths.trimFreeTail();
    q.clear();
  }

  /**
   * Stages 1–9 for one batch. The caller holds the writer slot. {@code input} becomes the queue
   * (no copy); the previous queue buffer, emptied, is the caller's to hand back to the batch whose
   * buffer became the queue. Returns the number of changes applied. {@code compared}: the caller
   * found every input different from the current value already, so stage 1 would keep them all.
   */
  int run(ChangeBuffer input, Object tg, boolean compared) {
    engine.enterPhase(Engine.Phase.PIPELINE);
    engine.staleViews();
    Entries entries = engine.entries;
    if (entries != null) {
      entries.releasePendingFree();
    }
    q.clear(); // the caller hands this buffer to the batch whose buffer becomes the queue
    q = input;
    appliedCount = 0;
    boolean ok = false;
    try {
      if (tg != null) {
        q.tagAll(tg);
      }
      // 1. input no-op filter
      if (!compared && filterNoops(0) == 0) {
        ok = true;
        engine.sweep();
        return 0;
      }
      // 2–4. aggregation writes, sync, flip
      int inputs = expandRegion(0);
      // 5. expansion no-op filter; the inputs that stage 1 kept (still first in the queue) differ
      // from the pre-batch state already, so only the expansion is checked again
      if (filterNoops(inputs) == 0) {
        ok = true;
        engine.sweep();
        return 0;
      }
      int filtered = q.size(); // these differ from the pre-batch state (stages 1 and 5)
      // 6–7. listeners, then their outputs through stages 2–4
      ListenerTable listeners = engine.listenersIfAny();
      if (listeners != null && listeners.count() > 0 && !engine.isInitializing()) {
        int from = q.size();
        if (listeners.match(q, from)) {
          engine.enterPhase(Engine.Phase.LISTENERS);
          try {
            listeners.call(q, from);
          } finally {
            engine.enterPhase(Engine.Phase.PIPELINE);
          }
        }
        if (q.size() > from) {
          expandRegion(from);
        }
      }
      // 8–9. apply and aggregation read; undone if user code called there throws
      engine.dropSnapshot();
      Aggregations ag = engine.aggregationsIfAny();
      if (applyMayCallUserCode(ag)) {
        startLog(); // only batches that hold records, containers or opaque values need one
      }
      try {
        applyQueue(filtered);
        ag = engine.aggregationsIfAny(); // the first one may have come with an entry just written
        if (ag != null && !ag.isEmpty() && !engine.isInitializing() && appliedCount > 0) {
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
      engine.sweep();
      if (appliedCount > 0) {
        engine.dropSnapshot();
      }
      return appliedCount;
    } finally {
      if (!ok) {
        // abandoned (before apply, or undone): nothing is written; give back the entries it reserved
        appliedCount = 0;
        abandon();
      } else {
        engine.paths.settle();
      }
    }
  }

  /**
   * Stage 8: writes each queue entry that differs from the value at its path at that moment,
   * except a write below an entry that the batch removed before it (such as a select-all fan-out
   * to an entry removed by the same batch): the entry stays removed. The first {@code filtered}
   * entries differ from the pre-batch state (stages 1 and 5 compared them); in a small queue that
   * holds references and whose paths are pairwise unrelated (none is another's, or above or below
   * it), no entry changes another's path first, so those are not compared again.
   */
  private void applyQueue(int filtered) {
    Shadow shadow = engine.shadow;
    int n = q.size();
    if (applied.length < n) {
      applied = new int[Math.max(n, applied.length * 2)];
    }
    // only where an entry holds a reference: comparing bits costs less than the check
    int known = q.holdsRefs() && n <= UNRELATED_LIMIT && pathsUnrelated(n) ? filtered : 0;
    for (int i = 0; i < n; i++) {
      if ((i < known || !shadow.equalsQueued(q, i)) && !shadow.belowRemovedEntry(q.path[i])) {
        shadow.write(q, i, undo);
        applied[appliedCount++] = i;
      }
    }
  }

  /** The largest queue whose paths {@link #applyQueue} checks pairwise (cheaper than comparing). */
  private static final int UNRELATED_LIMIT = 8;

  /**
   * Whether no two of the first {@code n} queue entries share a path, or one is above the other.
   */
  private boolean pathsUnrelated(int n) {
    PathSpace paths = engine.paths;
    for (int i = 1; i < n; i++) {
      int a = q.path[i];
      for (int j = 0; j < i; j++) {
        int b = q.path[j];
        if (paths.isAncestorOrSelf(a, b) || paths.isAncestorOrSelf(b, a)) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- undoing an apply stage that failed ----

  /**
   * Whether stage 8 or 9 of the queued batch may call user code: an {@code equals}, a record
   * accessor or constructor, or a map's or list's own methods, through a value of a record,
   * container or opaque path, or through an aggregation over such paths. Only then are the writes
   * logged; strings, enums and primitives compare and write without user code.
   */
  private boolean applyMayCallUserCode(Aggregations ag) {
    if (ag != null && ag.readsCallUserCode()) {
      return true;
    }
    if (!q.holdsRefs()) {
      return false;
    }
    for (int i = q.size() - 1; i >= 0; i--) {
      if (q.ref(i) != null && engine.paths.kind(q.path[i]).holdsUserValues()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Puts back every slot the apply stage wrote, newest first, and hands the entries it reserved to
   * the sweep of the abandoned batch; the store is then as before the batch.
   */
  void undoApply() {
    UndoLog u = undo;
    undo = null;
    unmarkLeaving();
    engine.shadow.restore(u);
    u.restoreKeyOrders(); // keys that stage 9 gave to new entries go back to the removed ones
    for (int i = 0; i < u.blocks.size(); i++) {
      engine.entries.markMaybeDead(u.blocks.get(i));
    }
    appliedCount = 0;
    engine.dropSnapshot();
  }

  /** Drops queue entries equal to the current value; returns the new size. */
  private int filterNoops(int from) {
    Shadow shadow = engine.shadow;
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
    Aggregations ag = engine.aggregationsIfAny();
    boolean init = engine.isInitializing();
    if (ag != null && !ag.isEmpty() && !init) {
      kept = ag.fanOut(q, from);
    }
    PairWiring pairs = engine.pairs;
    if (pairs != null) {
      pairs.expand(q, from, init);
    }
    return kept;
  }

  private void unmarkLeaving() {
    Entries entries = engine.entries;
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
}
