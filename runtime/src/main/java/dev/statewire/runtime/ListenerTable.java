package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.IntCounts;
import dev.statewire.runtime.internal.IntList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The listeners of one store and stage 6 of the pipeline (docs/PIPELINE.md, "Listeners"): which
 * listener paths a batch's changes match, the order listeners run in (deepest path first, then
 * first registered), the change list each one sees, and where listener outputs are filed for the
 * listeners after them. Made by the store's first listener registration.
 *
 * <p>Listeners are kept in <em>buckets</em>, one per listener path. A batch files each change with
 * every bucket at or above its path (and, for a node write, below it) in one pass over the queue,
 * so no listener scans the whole queue.
 */
final class ListenerTable {
  private static final int[] NO_INTS = new int[0];

  /** Listener order: deepest path first, then first registration on the path. */
  private static final Comparator<Bucket> BUCKET_ORDER =
      (x, y) -> x.depth != y.depth ? Integer.compare(y.depth, x.depth) : Long.compare(x.seq, y.seq);

  /** The store's engine, handed to each listener's event. */
  private final Engine engine;
  /**
   * The event handed to every listener call, pointed at each in turn: listeners run one at a time
   * and never nested, and an event is valid only during its call (saves an object per call, which
   * escape analysis removed only when the listener's calls on it all inlined).
   */
  private final ListenerEvent event;
  /** What each path ID is. */
  private final PathSpace paths;
  /** The bucket of each path ID that has listeners, else null. */
  private Bucket[] bucketAt;
  /** Listener paths strictly below each node path; sparse (saves 40,000 B per 10,000 paths). */
  private final IntCounts below = new IntCounts();
  /** Every bucket, in registration order of its first listener. */
  private final ArrayList<Bucket> buckets = new ArrayList<>();
  /** The buckets that the running batch matched, in the order their listeners run. */
  private final ArrayList<Bucket> matched = new ArrayList<>();
  /** Registration order of the next bucket. */
  private long bucketSeq;
  /** Stamp of the running batch: a bucket with another stamp has no hits in it. */
  private long bucketStamp;
  /**
   * The only bucket when it is the root's (listeners on the whole state only, as {@code listenAll}
   * registers them), else null: every change of a batch matches it, so {@link #match} files them
   * without walking each change's ancestors.
   */
  private Bucket rootOnly;
  /** Counting-sort scratch of {@link #deepestFirst}, reused by every batch. */
  private int[] depthStart = NO_INTS;
  /** The depth of each hit of the view being sorted, scratch of {@link #deepestFirst}. */
  private int[] hitDepth = NO_INTS;
  /** Number of active listener registrations. */
  private int count;

  /** The listeners on one path, and what the running batch filed for them. */
  private static final class Bucket {
    final int path;
    final int depth;
    final long seq;
    final ArrayList<ListenerReg> regs = new ArrayList<>(2);
    /** Queue indices of the changes matching this path in the running batch. */
    final IntList hits = new IntList();
    /** Queue indices of the listener outputs of the running batch matching this path. */
    final IntList outputs = new IntList();
    /** Queue indices of the views handed to this path's listeners (reused, see deepestFirst). */
    int[] view = NO_INTS;
    long stamp;

    Bucket(int path, int depth, long seq) {
      this.path = path;
      this.depth = depth;
      this.seq = seq;
    }
  }

  ListenerTable(Engine engine, PathSpace paths, int capacity) {
    this.engine = engine;
    this.event = new ListenerEvent(engine);
    this.paths = paths;
    this.bucketAt = new Bucket[capacity];
  }

  /** Number of active listener registrations. */
  int count() {
    return count;
  }

  /** Grows the per-path index to hold {@code n} IDs. */
  void ensureCapacity(int n) {
    if (bucketAt.length < n) {
      bucketAt = Arrays.copyOf(bucketAt, n);
    }
  }

  /** Adds a listener on {@code path} (checked by the caller) that sees changes within {@code scope}. */
  Registration register(int path, int scope, Listener fn) {
    Bucket b = bucketAt[path];
    if (b == null) {
      b = new Bucket(path, paths.depth(path), bucketSeq++);
      bucketAt[path] = b;
      buckets.add(b);
      for (int p = paths.parent(path); p >= 0; p = paths.parent(p)) {
        below.add(p, 1);
      }
      updateRootOnly();
    }
    ListenerReg reg = new ListenerReg(b, scope, fn);
    b.regs.add(reg);
    count++;
    return reg;
  }

  /** Closes the listeners on the {@code size} IDs from {@code base} (an entry that leaves). */
  void removeIn(int base, int size) {
    for (int k = 0; k < size; k++) {
      Bucket b = base + k < bucketAt.length ? bucketAt[base + k] : null;
      if (b != null) {
        for (ListenerReg l : new ArrayList<>(b.regs)) {
          l.end();
        }
      }
    }
  }

  /** Takes closed registration {@code reg} out of its bucket, and the bucket out when empty. */
  private void unregister(ListenerReg reg) {
    Bucket bucket = reg.bucket;
    bucket.regs.remove(reg);
    count--;
    if (bucket.regs.isEmpty()) {
      bucketAt[bucket.path] = null;
      buckets.remove(bucket);
      for (int p = paths.parent(bucket.path); p >= 0; p = paths.parent(p)) {
        below.add(p, -1);
      }
      updateRootOnly();
    }
  }

  private void updateRootOnly() {
    rootOnly = buckets.size() == 1 && buckets.get(0).path == 0 ? buckets.get(0) : null;
  }

  // ---- stage 6 ----

  /**
   * Files the first {@code n} changes of queue {@code q} with the buckets they match; returns
   * whether any listener is to be called.
   */
  boolean match(ChangeBuffer q, int n) {
    long stamp = ++bucketStamp;
    matched.clear();
    if (rootOnly != null) {
      // every change matches the root, once each: the hits are the queue's first n entries, which
      // call() reads as that range without filing them one by one
      if (n == 0) {
        return false;
      }
      rootOnly.stamp = stamp;
      rootOnly.outputs.clear();
      return true;
    }
    // one pass over the queue: each change is filed with every listener path at or above it
    // (and, for node writes, below it), so no listener scans the whole queue
    for (int i = 0; i < n; i++) {
      int c = q.path[i];
      for (int a = c; a >= 0; a = paths.parent(a)) {
        Bucket b = a < bucketAt.length ? bucketAt[a] : null;
        if (b != null) {
          hit(b, i, stamp);
        }
      }
      if (paths.isNode(c) && below.get(c) > 0) {
        for (Bucket b : buckets) {
          if (b.path != c && paths.isAncestorOrSelf(c, b.path)) {
            hit(b, i, stamp);
          }
        }
      }
    }
    if (matched.isEmpty()) {
      return false;
    }
    if (matched.size() > 1) {
      matched.sort(BUCKET_ORDER);
    }
    return true;
  }

  /**
   * Calls the listeners that {@link #match} found, in order, each with its view of {@code q};
   * {@code n} is the number of changes given to {@link #match}.
   *
   * @throws ListenerException wrapping what a listener threw; the batch is then abandoned
   */
  void call(ChangeBuffer q, int n) {
    if (rootOnly != null) {
      call(q, rootOnly, deepestFirst(q, rootOnly, null, n));
      return;
    }
    for (int m = 0; m < matched.size(); m++) {
      Bucket b = matched.get(m);
      call(q, b, deepestFirst(q, b, b.hits, b.hits.size()));
    }
  }

  /** Calls the listeners of bucket {@code b}, whose view holds its {@code own} hits already. */
  private void call(ChangeBuffer q, Bucket b, int own) {
    for (int r = 0; r < b.regs.size(); r++) {
      ListenerReg l = b.regs.get(r); // registrations cannot change while a batch runs
      int size = withOutputs(b, own);
      try {
        l.fn.onChanges(event.at(b.path, l.scope, l.view.point(q, b.view, size)));
      } catch (RuntimeException | Error e) {
        throw threw(b, e);
      } finally {
        l.view.expire();
      }
    }
  }

  /** What a batch throws when a listener of {@code b} threw {@code e} (out of line: rare). */
  private ListenerException threw(Bucket b, Throwable e) {
    return new ListenerException(
        "listener on \"" + (b.path == 0 ? "<root>" : paths.pathString(b.path)) + "\" threw "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "; the batch was abandoned and nothing was applied",
        e);
  }

  /**
   * Files listener output {@code i} of {@code q} with the listeners of this batch whose path it
   * matches, so a later listener receives it without scanning every output.
   */
  void fileOutput(ChangeBuffer q, int i) {
    long stamp = bucketStamp;
    if (rootOnly != null) { // every output matches the root
      if (rootOnly.stamp == stamp) {
        rootOnly.outputs.add(i);
      }
      return;
    }
    int c = q.path[i];
    for (int a = c; a >= 0; a = paths.parent(a)) {
      Bucket b = a < bucketAt.length ? bucketAt[a] : null;
      if (b != null && b.stamp == stamp) {
        b.outputs.add(i);
      }
    }
    if (paths.isNode(c) && below.get(c) > 0) {
      for (Bucket b : buckets) {
        if (b.stamp == stamp && b.path != c && paths.isAncestorOrSelf(c, b.path)) {
          b.outputs.add(i);
        }
      }
    }
  }

  private void hit(Bucket b, int i, long stamp) {
    if (b.stamp != stamp) {
      b.stamp = stamp;
      b.hits.clear();
      b.outputs.clear();
      matched.add(b);
    }
    if (b.hits.isEmpty() || b.hits.get(b.hits.size() - 1) != i) {
      b.hits.add(i);
    }
  }

  /**
   * Writes the bucket's {@code k} hits into {@code b.view} deepest path first, stable (a counting
   * sort by depth, skipped when no hit is deeper than the one before it); returns their number. The
   * hits are the queue indices in {@code hits}, or the queue's first {@code k} entries when {@code
   * hits} is null (the root bucket of a root-only table). The bucket's view array is reused from
   * batch to batch: a view of an earlier batch is stale by then.
   */
  private int deepestFirst(ChangeBuffer q, Bucket b, IntList hits, int k) {
    if (b.view.length < k) {
      b.view = new int[Math.max(k, b.view.length * 2)];
    }
    if (hitDepth.length < k) {
      hitDepth = new int[Math.max(k, hitDepth.length * 2)];
    }
    int[] out = b.view;
    int[] depth = hitDepth;
    int maxDepth = 0;
    int previous = Integer.MAX_VALUE;
    boolean inOrder = true; // no change deeper than the one before it: queue order is the order
    for (int j = 0; j < k; j++) {
      int i = hits == null ? j : hits.get(j);
      int d = paths.depth(q.path[i]);
      inOrder &= d <= previous;
      previous = d;
      maxDepth = Math.max(maxDepth, d);
      out[j] = i;
      depth[j] = d;
    }
    if (inOrder) {
      return k;
    }
    if (depthStart.length < maxDepth + 2) {
      depthStart = new int[maxDepth + 2];
    }
    int[] start = depthStart;
    Arrays.fill(start, 0, maxDepth + 2, 0);
    for (int j = 0; j < k; j++) {
      start[maxDepth - depth[j] + 1]++;
    }
    for (int d = 1; d < maxDepth + 2; d++) {
      start[d] += start[d - 1];
    }
    for (int j = 0; j < k; j++) {
      out[start[maxDepth - depth[j]]++] = hits == null ? j : hits.get(j);
    }
    return k;
  }

  /**
   * Appends the matching outputs of listeners that ran earlier in this batch after the bucket's
   * {@code own} hits in {@code b.view}; returns the view's size. Outputs only grow during a batch,
   * so a view handed to an earlier registration of this bucket keeps reading the same prefix.
   */
  private static int withOutputs(Bucket b, int own) {
    int n = own + b.outputs.size();
    if (b.view.length < n) {
      b.view = Arrays.copyOf(b.view, Math.max(n, b.view.length * 2));
    }
    for (int j = 0; j < b.outputs.size(); j++) {
      b.view[own + j] = b.outputs.get(j);
    }
    return n;
  }

  /** One listener registration. */
  private final class ListenerReg extends RegistrationBase {
    final Bucket bucket;
    final int scope;
    final Listener fn;
    final String text;
    /**
     * The view handed to every call of this listener, pointed at each in turn (no object per
     * call: the reused event holds it, so it could not be removed by escape analysis).
     */
    final Changes view = new Changes(null, NO_INTS, 0);

    ListenerReg(Bucket bucket, int scope, Listener fn) {
      this.bucket = bucket;
      this.scope = scope;
      this.fn = fn;
      this.text = "listener on \"" + (bucket.path == 0 ? "<root>" : paths.pathString(bucket.path)) + "\"";
    }

    @Override
    String closedAgain() {
      return text + " was closed already (or removed with the entry it listened on)";
    }

    @Override
    void checkCanClose() {
      engine.checkIdle("close a listener registration");
    }

    @Override
    void ended() {
      unregister(this);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
