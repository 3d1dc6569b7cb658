package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Batch} remembers about its writes inside map and list entries, so that it can be
 * kept while other batches run ({@link Engine#revalidate}): the entry stamp of each input's path
 * (0 for a static path), and the entries it reserved with put or add. Taken by the batch's first
 * such write (a batch of static paths has none) and kept for the batch object's next use, so that
 * a batch that writes inside entries allocates nothing once its store is warm.
 */
final class EntryWrites {
  /** The entry stamp of each input's path when it was added (0 for a static path). */
  int[] stamps;
  /** The store's count of removed entry blocks when the inputs were last checked. */
  int epoch;
  /** Entries the batch added with put or add, in order; inner ones after their container's. */
  final List<Reserved> reserved = new ArrayList<>(2);

  /** An entry the batch reserved: its container (and that one's stamp), key (null for a list), first ID and stamp. */
  record Reserved(int container, int containerStamp, String key, int base, int stamp) {}

  /** For a batch whose first {@code inputs} inputs were all static paths. */
  EntryWrites(int inputs, int epoch) {
    this.stamps = new int[Math.max(4, inputs * 2 + 1)];
    this.epoch = epoch;
  }

  /** Makes this one fit a new batch whose first {@code inputs} inputs were all static paths. */
  EntryWrites restart(int inputs, int epoch) {
    if (stamps.length <= inputs) {
      stamps = new int[inputs * 2 + 1];
    } else {
      Arrays.fill(stamps, 0, inputs, 0);
    }
    this.epoch = epoch;
    reserved.clear();
    return this;
  }

  /** A copy for a batch that runs later (a subscriber's). */
  EntryWrites(EntryWrites from) {
    this.stamps = from.stamps.clone();
    this.epoch = from.epoch;
    this.reserved.addAll(from.reserved);
  }

  /** Records the stamp of input {@code i}. */
  void stamp(int i, int stamp) {
    if (stamps.length <= i) {
      stamps = Arrays.copyOf(stamps, i * 2 + 1);
    }
    stamps[i] = stamp;
  }

  /** Records that the inputs were checked when {@code entryEpoch} entry blocks had been removed. */
  void checkedAt(int entryEpoch) {
    this.epoch = entryEpoch;
  }

  /**
   * Reservation {@code r} was reserved again at {@code base} with {@code stamp} (another batch
   * had released it): the inputs inside it, and the reservations inside it, move to the new IDs.
   */
  void moved(int r, ChangeBuffer in, int base, int stamp) {
    Reserved old = reserved.get(r);
    reserved.set(r, new Reserved(old.container(), old.containerStamp(), old.key(), base, stamp));
    for (int i = 0; i < in.size(); i++) {
      if (stamps[i] == old.stamp()) {
        in.setPath(i, base + (in.path[i] - old.base()));
        stamps[i] = stamp;
      }
    }
    for (int k = r + 1; k < reserved.size(); k++) {
      Reserved inner = reserved.get(k);
      if (inner.containerStamp() == old.stamp()) {
        reserved.set(k, new Reserved(base + (inner.container() - old.base()), stamp,
            inner.key(), inner.base(), inner.stamp()));
      }
    }
  }

  /** Records a reservation, once per entry. */
  void reserved(Reserved r) {
    for (Reserved old : reserved) {
      if (old.base() == r.base()) {
        return; // the same entry put twice
      }
    }
    reserved.add(r);
  }
}
