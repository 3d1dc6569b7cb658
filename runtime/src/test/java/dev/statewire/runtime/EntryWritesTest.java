package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EntryWrites}: what a batch remembers of its writes inside entries. The stamp of each input,
 * the reservations (once per entry), restarting for a new batch, the copy for a deferred batch,
 * and moving inputs and inner reservations when a reservation is reserved again at new IDs.
 */
class EntryWritesTest {
  record Flat(int x) {}

  /** A buffer holding one write per path ID given (the IDs need not exist: nothing reads them). */
  private static ChangeBuffer inputs(int... ids) {
    ChangeBuffer b = new ChangeBuffer(Store.create(TestSchemas.schema(Flat.class), new Flat(0)).engine());
    for (int id : ids) {
      b.add(id, VALUE, 0, null, 0, null);
    }
    return b;
  }

  @Test
  void stampsStartAtZeroForTheStaticInputsBeforeAndGrowAsNeeded() {
    EntryWrites w = new EntryWrites(3, 7);
    assertEquals(7, w.epoch);
    assertTrue(w.stamps.length > 3);
    assertArrayEquals(new int[] {0, 0, 0}, Arrays.copyOf(w.stamps, 3));
    w.stamp(40, 9);
    assertEquals(9, w.stamps[40]);
  }

  @Test
  void restartClearsTheStampsOfTheNewBatchAndItsReservations() {
    EntryWrites w = new EntryWrites(0, 1);
    w.stamp(0, 5);
    w.stamp(1, 6);
    w.reserved(new EntryWrites.Reserved(1, 0, "k", 20, 5));
    EntryWrites again = w.restart(2, 3);
    assertSame(w, again); // the same object, reused
    assertEquals(0, w.stamps[0]);
    assertEquals(0, w.stamps[1]);
    assertEquals(3, w.epoch);
    assertEquals(List.of(), w.reserved);
  }

  @Test
  void anEntryIsReservedOnceAndTheCopyIsIndependent() {
    EntryWrites w = new EntryWrites(0, 0);
    w.reserved(new EntryWrites.Reserved(1, 0, "k", 20, 5));
    w.reserved(new EntryWrites.Reserved(1, 0, "k", 20, 5));
    w.reserved(new EntryWrites.Reserved(1, 0, "j", 23, 6));
    assertEquals(2, w.reserved.size());
    w.stamp(0, 5);
    EntryWrites copy = new EntryWrites(w);
    w.stamp(0, 99);
    w.reserved.clear();
    assertEquals(5, copy.stamps[0]);
    assertEquals(2, copy.reserved.size());
  }

  @Test
  void movingAReservationMovesItsInputsAndTheReservationsInsideIt() {
    // entry k at 20..24 (stamp 5) with an inner list entry at 30 (stamp 6) reserved inside k's list at 22
    EntryWrites w = new EntryWrites(0, 0);
    w.reserved(new EntryWrites.Reserved(1, 0, "k", 20, 5));
    w.reserved(new EntryWrites.Reserved(22, 5, null, 30, 6));
    ChangeBuffer in = inputs(3, 21, 24, 30);
    w.stamp(1, 5);
    w.stamp(2, 5);
    w.stamp(3, 6);
    w.moved(0, in, 50, 8); // k reserved again at 50 with stamp 8
    assertEquals(List.of(3, 51, 54, 30), List.of(in.path[0], in.path[1], in.path[2], in.path[3]));
    assertEquals(8, w.stamps[1]);
    assertEquals(8, w.stamps[2]);
    assertEquals(6, w.stamps[3]); // the inner entry moves when its own turn comes
    assertEquals(new EntryWrites.Reserved(1, 0, "k", 50, 8), w.reserved.get(0));
    assertEquals(new EntryWrites.Reserved(52, 8, null, 30, 6), w.reserved.get(1));
  }
}
