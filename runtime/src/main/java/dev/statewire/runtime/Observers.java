package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.IntCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The per-path observers of one store ({@link Store#observe}): which observed paths the batches of
 * a round touched, and telling their observers once the round's batches have all run. Made by the
 * store's first observer.
 *
 * <p>Observers are kept in <em>buckets</em>, one per observed path, holding the value the path had
 * when its observers were last told (or registered). A committed batch files each applied change
 * with the buckets at or above its path (and, for a node write, below it), so a batch costs nothing
 * for observers on paths it did not touch. At the end of the round a touched bucket compares the
 * path's value with the one it holds and tells its observers when they differ.
 */
final class Observers {
  /** What each path ID is. */
  private final PathSpace paths;
  /** The values, read when a round ends. */
  private final Shadow shadow;
  /** The bucket of each observed path ID, else null; grows with the first observer on an ID. */
  private Bucket[] bucketAt = new Bucket[0];
  /** Observed paths strictly below each node path; sparse. */
  private final IntCounts below = new IntCounts();
  /** Every bucket, in no particular order ({@link Bucket#index} is its position). */
  private final ArrayList<Bucket> buckets = new ArrayList<>();
  /** The buckets touched by the batches of the current round, in the order first touched. */
  private final ArrayList<Bucket> touched = new ArrayList<>();
  /** The buckets whose entry left in the current round, with observers still to be told. */
  private final ArrayList<Bucket> removed = new ArrayList<>();
  /** Number of active registrations. */
  private int count;

  /** The observers of one path, and the value they were last told of. */
  private static final class Bucket {
    final int path;
    final ArrayList<Reg> regs = new ArrayList<>(2);
    /** The value at the path when its observers were last told, or when the bucket was made. */
    Object last;
    /** Position in {@link #buckets}, or -1 once taken out (its entry left). */
    int index;
    /** Whether the bucket is in {@link #touched}. */
    boolean isTouched;

    Bucket(int path, Object last, int index) {
      this.path = path;
      this.last = last;
      this.index = index;
    }
  }

  /** One observer registration: typed ones see {@code null} for an absent value. */
  private final class Reg extends RegistrationBase {
    final Bucket bucket;
    final Observer<Object> fn;
    final boolean typed;

    Reg(Bucket bucket, Observer<Object> fn, boolean typed) {
      this.bucket = bucket;
      this.fn = fn;
      this.typed = typed;
    }

    Object shown(Object v) {
      return typed && v == Store.ABSENT ? null : v;
    }

    @Override
    String closedAgain() {
      return "observer registration was closed already";
    }

    @Override
    void ended() {
      bucket.regs.remove(this);
      count--;
      if (bucket.regs.isEmpty() && bucket.index >= 0) {
        unlink(bucket);
      }
    }
  }

  Observers(PathSpace paths, Shadow shadow) {
    this.paths = paths;
    this.shadow = shadow;
  }

  /** Number of active observer registrations. */
  int count() {
    return count;
  }

  /** Whether the round so far touched an observed path or removed one. */
  boolean hasWork() {
    return !touched.isEmpty() || !removed.isEmpty();
  }

  /**
   * Adds an observer on concrete path {@code path} (checked by the caller); {@code typed} ones see
   * {@code null} where the store holds {@link Store#ABSENT}.
   */
  @SuppressWarnings("unchecked")
  Registration register(int path, Observer<?> fn, boolean typed) {
    Objects.requireNonNull(fn, "observer");
    if (path >= bucketAt.length) {
      bucketAt = Arrays.copyOf(bucketAt, Math.max(path + 1, bucketAt.length * 2));
    }
    Bucket b = bucketAt[path];
    if (b == null) {
      b = new Bucket(path, shadow.build(path), buckets.size());
      bucketAt[path] = b;
      buckets.add(b);
      for (int p = paths.parent(path); p >= 0; p = paths.parent(p)) {
        below.add(p, 1);
      }
    }
    Reg reg = new Reg(b, (Observer<Object>) fn, typed);
    b.regs.add(reg);
    count++;
    return reg;
  }

  /** Takes bucket {@code b} out of the tables: no change is filed with it from now on. */
  private void unlink(Bucket b) {
    bucketAt[b.path] = null;
    Bucket last = buckets.remove(buckets.size() - 1);
    if (last != b) {
      buckets.set(b.index, last);
      last.index = b.index;
    }
    b.index = -1;
    for (int p = paths.parent(b.path); p >= 0; p = paths.parent(p)) {
      below.add(p, -1);
    }
  }

  /**
   * Files the applied changes of a committed batch ({@code n} queue indexes of {@code q} in
   * {@code applied}) with the buckets they touch. Runs before the next batch of the round reuses
   * the IDs of entries this one removed.
   */
  void collect(ChangeBuffer q, int[] applied, int n) {
    Bucket[] at = bucketAt;
    for (int k = 0; k < n; k++) {
      int c = q.path[applied[k]];
      for (int a = c; a >= 0; a = paths.parent(a)) {
        if (a < at.length && at[a] != null) {
          touch(at[a]);
        }
      }
      if (paths.isNode(c) && below.get(c) > 0) {
        for (int i = 0; i < buckets.size(); i++) {
          Bucket b = buckets.get(i);
          if (b.path != c && paths.isAncestorOrSelf(c, b.path)) {
            touch(b);
          }
        }
      }
    }
  }

  /** Files a change of every observed path (a registration changed values without a batch). */
  void touchAll() {
    for (int i = 0; i < buckets.size(); i++) {
      touch(buckets.get(i));
    }
  }

  private void touch(Bucket b) {
    if (!b.isTouched) {
      b.isTouched = true;
      touched.add(b);
    }
  }

  /**
   * Takes the observers on the {@code size} IDs from {@code base} (an entry that leaves) out of the
   * tables; they are told of the removal at the end of the round, then closed.
   */
  void removeIn(int base, int size) {
    if ((base >= bucketAt.length || bucketAt[base] == null) && below.get(base) == 0) {
      return; // nothing observed in this entry
    }
    int end = Math.min(base + size, bucketAt.length);
    for (int id = base; id < end; id++) {
      Bucket b = bucketAt[id];
      if (b != null) {
        unlink(b);
        removed.add(b);
      }
    }
  }

  private static void tellChanged(Reg r, Object before, Object after) {
    if (r.isActive()) {
      try {
        r.fn.changed(r.shown(before), r.shown(after));
      } catch (RuntimeException | Error e) {
        Subscribers.report(e);
      }
    }
  }

  /**
   * Tells the observers of the round: first those whose path's value differs from the one they
   * were last told of, then those whose entry left (closing them). An observer that throws does
   * not stop the others: the exception goes to the thread's uncaught exception handler.
   */
  void tell() {
    // nothing touches a bucket while observers are told: the batches they write run afterwards
    for (int i = 0; i < touched.size(); i++) {
      Bucket b = touched.get(i);
      b.isTouched = false;
      if (b.index < 0) {
        continue; // its entry left: told below
      }
      Object after = shadow.build(b.path);
      if (Objects.equals(b.last, after)) {
        continue;
      }
      Object before = b.last;
      b.last = after;
      if (b.regs.size() == 1) {
        tellChanged(b.regs.get(0), before, after);
      } else {
        for (Reg r : b.regs.toArray(new Reg[0])) { // an observer may close or add another
          tellChanged(r, before, after);
        }
      }
    }
    touched.clear();
    if (removed.isEmpty()) {
      return;
    }
    Bucket[] gone = removed.toArray(new Bucket[0]);
    removed.clear();
    for (Bucket b : gone) {
      for (Reg r : b.regs.toArray(new Reg[0])) {
        if (r.isActive()) {
          try {
            r.fn.removed(r.shown(b.last));
          } catch (RuntimeException | Error e) {
            Subscribers.report(e);
          } finally {
            r.end();
          }
        }
      }
    }
  }
}
