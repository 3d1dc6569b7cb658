package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;

import dev.statewire.runtime.PathSpace.Container;
import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.IntList;
import dev.statewire.runtime.internal.SchemaTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The life of the map and list entries of one store: an entry is reserved by a put or an add (its
 * block of IDs claimed in the {@link PathSpace}, its wiring instantiated), may end a batch absent,
 * and is then removed by the sweep at the end of the batch (its wiring, listeners and runtime
 * registrations go; its IDs are freed by the next batch, so that the views of this one can still
 * name its paths). Also grows every per-path table when the ID space grows. Made with the store
 * when its schema has maps or lists.
 */
final class Entries {
  /** The store's engine: its writer checks, views and optional parts. */
  private final Engine engine;
  /** What each path ID is. */
  private final PathSpace paths;
  /** The values. */
  private final Shadow shadow;
  /** The schema's tables. */
  private final SchemaTables st;
  /** Counts entry blocks removed: a batch held across a change of it checks its entry writes. */
  private int entryEpoch;
  /**
   * The empty list that {@link #pendingFree} and {@link #maybeDead} start as, shared by every
   * store: never written (not even by {@code clear()}, which leaves an empty list alone), replaced
   * by a list of the store's own before the first add.
   */
  private static final IntList NONE = new IntList(0);

  /** Blocks that the last batch removed, freed by the next. */
  private IntList pendingFree = NONE;
  /** Entries that may end the batch absent: the sweep looks at these. */
  private IntList maybeDead = NONE;
  /** The end-of-sweep work; null until the first sweep that removes an entry. */
  private SweepWork sweepWork;

  Entries(Engine engine, PathSpace paths, Shadow shadow) {
    this.engine = engine;
    this.paths = paths;
    this.shadow = shadow;
    this.st = paths.st;
  }

  /** The number of entry blocks removed so far (see {@link EntryWrites#epoch}). */
  int epoch() {
    return entryEpoch;
  }

  /** Whether an entry may end the batch absent: a batch must run to sweep it. */
  boolean hasPending() {
    return !maybeDead.isEmpty();
  }

  /** Forgets the marks of entries that creation wrote (all present). */
  void clearMarks() {
    maybeDead.clear();
  }

  /** Whether entries leave with the running batch (marked by {@link #markLeaving}). */
  boolean anyLeaving() {
    return sweepWork != null && !sweepWork.leaving.isEmpty();
  }

  /** Number of IDs in blocks removed by the last batch, not yet free. */
  int pendingIds() {
    int n = 0;
    for (int i = 0; i < pendingFree.size(); i++) {
      n += paths.blockSizeAt(pendingFree.get(i));
    }
    return n;
  }

  /**
   * The entry {@code key} of the map at {@code mapId} for a write being added to a batch: an
   * existing entry, or one reserved by an earlier {@code put} of the same batch.
   */
  int forWrite(int mapId, String key) {
    Container c = paths.container(mapId, true);
    Integer e = c == null ? null : c.keys.get(key);
    if (e == null || (shadow.tag[e] == ABSENT && !maybeDead.contains(e))) {
      throw new UnknownPathException(
          "no entry \"" + key + "\" in map \"" + paths.pathString(mapId) + "\"; it has keys "
              + keys(mapId) + " (put the entry first, in this batch or an earlier one)");
    }
    return e;
  }

  // ---- entries as a user sees them: present ones ----

  /** Whether entry {@code e} is present (not removed by the running batch). */
  private boolean present(int e) {
    return shadow.tag[e] != ABSENT;
  }

  int entry(int mapId, String key) {
    Container c = paths.container(mapId, true);
    Integer e = c == null ? null : c.keys.get(key);
    if (e == null || !present(e)) {
      throw new UnknownPathException(
          "no entry \"" + key + "\" in map \"" + paths.pathString(mapId) + "\"; it has keys " + keys(mapId));
    }
    return e;
  }

  /** The entry {@code key} of the map at {@code mapId}, or -1 if it has none. */
  int findEntry(int mapId, String key) {
    Container c = paths.container(mapId, true);
    Integer e = c == null ? null : c.keys.get(key);
    return e == null || !present(e) ? -1 : e;
  }

  int listEntry(int listId, int index) {
    Container c = paths.container(listId, false);
    if (c == null || index < 0 || index >= c.list.size()) {
      throw new UnknownPathException(
          "no entry " + index + " in list \"" + paths.pathString(listId) + "\" of size "
              + containerSize(listId));
    }
    return c.list.get(index);
  }

  List<String> keys(int mapId) {
    Container c = paths.container(mapId, true);
    if (c == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : c.keys.entrySet()) {
      if (present(e.getValue())) {
        out.add(e.getKey());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The number of present entries of map or list {@code id} (a live container path). */
  int containerSize(int id) {
    Container c = paths.container(id);
    if (c == null) {
      return 0;
    }
    int n = 0;
    if (!c.isMap) {
      for (int j = 0; j < c.list.size(); j++) {
        n += present(c.list.get(j)) ? 1 : 0;
      }
      return n;
    }
    for (Integer e : c.keys.values()) {
      if (present(e)) {
        n++;
      }
    }
    return n;
  }

  int forPut(int mapId, String key) {
    engine.checkCanReserve();
    Objects.requireNonNull(key, "key");
    if (!WriteCheck.isValidKey(key)) {
      throw new IllegalArgumentException(
          "map key \"" + key + "\" for \"" + paths.pathString(mapId) + "\" " + WriteCheck.KEY_RULE);
    }
    paths.container(mapId, true);
    Container c = paths.containerFor(mapId);
    Integer e = c.keys.get(key);
    if (e != null) {
      return e;
    }
    int id = allocate(mapId, key);
    markMaybeDead(id);
    return id;
  }

  int forAdd(int listId) {
    engine.checkCanReserve();
    paths.container(listId, false);
    int id = allocate(listId, null);
    markMaybeDead(id);
    return id;
  }

  /**
   * Brings a batch kept while other batches ran up to date before it is used: an entry it reserved
   * and another batch released is reserved again (its inputs, and reservations inside it, move to
   * the new IDs); an input whose entry was removed is refused. Nothing to do if no entry block was
   * removed since the batch last looked.
   *
   * @throws UnknownPathException naming the path of an input whose entry was removed
   */
  void revalidate(Batch b) {
    EntryWrites w = b.entryWrites;
    if (w == null || w.epoch == entryEpoch) {
      return;
    }
    engine.checkCanReserve();
    ChangeBuffer in = b.input;
    int[] stamps = w.stamps;
    List<EntryWrites.Reserved> res = w.reserved;
    for (int r = 0; r < res.size(); r++) {
      EntryWrites.Reserved old = res.get(r);
      if (paths.holds(old.base(), old.stamp())) {
        continue;
      }
      // the container is static, still there, or in an entry that was reserved again above
      int cont = old.container();
      if (old.containerStamp() != 0 && !paths.holds(cont, old.containerStamp())) {
        throw new UnknownPathException(paths.staleEntry(cont) + ", where this batch added an entry, was removed");
      }
      int base = old.key() != null ? forPut(cont, old.key()) : forAdd(cont);
      int stamp = paths.stampOf(base);
      w.moved(r, in, base, stamp);
    }
    for (int i = 0; i < in.size(); i++) {
      if (stamps[i] != 0 && !paths.holds(in.path[i], stamps[i])) {
        throw new UnknownPathException(
            "this batch writes " + paths.staleEntry(in.path[i]) + ", in an entry that was removed after"
                + " the write was added; nothing was applied");
      }
    }
    w.checkedAt(entryEpoch);
  }


  /** Notes entry {@code id} for the sweep at the end of the batch. */
  void markMaybeDead(int id) {
    if (maybeDead == NONE) {
      maybeDead = new IntList();
    }
    maybeDead.add(id);
  }

  /** Allocates an entry block under container {@code cont} and instantiates its wiring. */
  int allocate(int cont, String key) {
    if (!pendingFree.isEmpty() && engine.isIdle()) {
      // blocks freed by the last batch: reuse them now; views of that batch become stale
      engine.staleViews();
      releasePendingFree();
    }
    int t = st.entryTemplate[paths.tmpl(cont)];
    int size = paths.blockSize(t);
    int base = paths.takeFreeBlock(t);
    if (base < 0) {
      ensureCapacity(paths.idCount + size);
      base = paths.extend(size);
    }
    paths.claim(base, t, cont, key);
    shadow.markAbsent(base, size);
    instantiateBlock(base, t);
    engine.pipeline.logReserved(base); // reserved by the apply stage: goes again if it is undone
    return base;
  }

  private void ensureCapacity(int n) {
    shadow.ensureCapacity(n);
    paths.ensureCapacity(n);
    int cap = shadow.capacity();
    Aggregations ag = engine.aggregationsIfAny();
    if (ag != null) {
      ag.ensureCapacity(cap);
    }
    ListenerTable listeners = engine.listenersIfAny();
    if (listeners != null) {
      listeners.ensureCapacity(cap);
    }
  }

  /**
   * Removes entries that ended a batch absent: index, wiring, listeners; IDs freed next batch.
   * Linear in the entries removed: list indexes and aggregation source lists are compacted once at
   * the end, not once per entry (clearing a map of 400,000 entries under a wildcard aggregation
   * took 6.7 s when each entry was taken out of the source list by itself).
   */
  void sweep() {
    if (maybeDead.isEmpty()) {
      return; // nothing to sweep
    }
    for (int i = 0; i < maybeDead.size(); i++) {
      int e = maybeDead.get(i);
      // an entry is indexed in its container from allocate until detach marks it detached
      if (paths.isIndexed(e) && shadow.tag[e] == ABSENT) {
        detach(e, true);
      }
    }
    maybeDead.clear();
    if (sweepWork != null) {
      sweepWork.finish();
    }
    Aggregations ag = engine.aggregationsIfAny();
    if (ag != null) {
      ag.finishSweep();
    }
  }

  /**
   * Removes entry {@code base}: the entries of its own maps and lists, its wiring, and (when
   * {@code unindex}) its place in its container; a container that goes as a whole keeps its index.
   */
  private void detach(int base, boolean unindex) {
    entryEpoch++;
    int t = paths.tmpl(base);
    int size = paths.blockSize(t);
    for (int k = 0; k < size; k++) {
      int id = base + k;
      if (st.kinds[t + k].isContainer()) {
        Container c = paths.dropContainer(id);
        if (c != null && c.isMap) {
          for (Integer e : c.keys.values()) {
            detach(e, false);
          }
        } else if (c != null) {
          for (int j = 0; j < c.list.size(); j++) {
            int e = c.list.get(j);
            if (!paths.isLeaving(e)) { // an entry that left earlier in this sweep stays
              paths.nameRemovedListEntry(e, j); // in the list until its end
              detach(e, false);
            }
          }
        }
      }
    }
    uninstantiateBlock(base, t);
    Container c = unindex ? paths.container(paths.parent(base)) : null;
    if (c != null && c.isMap) {
      // only if it is still this entry's key: stage 9 may have given the key to a new entry
      paths.unindexMapEntry(c, base);
    } else if (c != null) {
      sweepWork().lists.add(c); // compacted once the sweep has marked every entry that goes
    }
    shadow.clearBlock(base, size);
    paths.setDetached(base, true);
    if (pendingFree == NONE) {
      pendingFree = new IntList();
    }
    pendingFree.add(base);
  }

  private SweepWork sweepWork() {
    if (sweepWork == null) {
      sweepWork = new SweepWork();
    }
    return sweepWork;
  }

  /**
   * What a sweep leaves to its end: the lists that lost entries and the aggregations that lost
   * sources or were removed; and the entries that stage 9 must read as gone already ({@link
   * #markLeaving}). Made by the first batch that removes an entry.
   */
  private final class SweepWork {
    final IntList leaving = new IntList();
    final LinkedHashSet<Container> lists = new LinkedHashSet<>();

    void finish() {
      for (Container c : lists) {
        paths.compactList(c);
      }
      lists.clear();
    }
  }

  void releasePendingFree() {
    for (int i = 0; i < pendingFree.size(); i++) {
      paths.free(pendingFree.get(i));
    }
    pendingFree.clear();
  }

  private void instantiateBlock(int base, int t) {
    PairWiring pairs = engine.pairs; // the schema's pairs inside entries make it exist
    if (pairs != null) {
      pairs.instantiateBlock(base, t);
    }
    Aggregations ag = st.aggregationsScopedAt[t].length > 0 ? engine.aggregations() : engine.aggregationsIfAny();
    if (ag != null) {
      ag.instantiateBlock(base, t);
    }
  }

  private void uninstantiateBlock(int base, int t) {
    int size = paths.blockSize(t);
    Aggregations ag = engine.aggregationsIfAny();
    if (ag != null) {
      ag.removeBlock(base, t);
    }
    PairWiring pairs = engine.pairs;
    if (pairs != null) {
      pairs.removeBlock(base, t);
    }
    // runtime registrations and listeners that name a path of this block go with it
    engine.detachRuntimeIn(base, base + size);
    ListenerTable listeners = engine.listenersIfAny();
    if (listeners != null) {
      listeners.removeIn(base, size);
    }
    Observers observers = engine.observersIfAny();
    if (observers != null) {
      observers.removeIn(base, size); // told of the removal at the end of the round
    }
  }

  /**
   * Marks the blocks of the entries that will leave at the end of this batch (absent now, swept
   * after the read) as detached, so that stage 9, which runs before the sweep, reads exactly what
   * it would read after it: without their sources, their aggregations, and the runtime
   * aggregations that name one of their paths. The sweep has no user code in it and cannot be
   * undone, so it comes last.
   */
  void markLeaving() {
    for (int i = 0; i < maybeDead.size(); i++) {
      int e = maybeDead.get(i);
      if (paths.isIndexed(e) && shadow.tag[e] == ABSENT) {
        paths.setDetached(e, true);
        sweepWork().leaving.add(e);
      }
    }
  }

  /** Clears the marks of {@link #markLeaving}: the sweep (or the undo) decides from here. */
  void unmarkLeaving() {
    if (sweepWork == null) {
      return;
    }
    IntList leaving = sweepWork.leaving;
    for (int i = 0; i < leaving.size(); i++) {
      paths.setDetached(leaving.get(i), false);
    }
    leaving.clear();
  }
}
