package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.PathKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeBuffer} against a list of plain entries: the packed state and flag byte, the
 * reference and tag arrays that exist only once used, and the rule that a dropped slot is null
 * again (an entry added later without a reference must not show an earlier entry's).
 */
class ChangeBufferTest {
  private record Entry(int path, byte state, long bits, Object ref, int flags, Object tag) {}

  private static final ChangeBuffer.Context CONTEXT =
      new ChangeBuffer.Context() {
        @Override
        public String pathString(int pathId) {
          return "p" + pathId;
        }

        @Override
        public Object box(int pathId, byte state, long bits, Object ref) {
          return ref != null ? ref : state == ChangeBuffer.VALUE ? (Object) bits : null;
        }

        @Override
        public long generation() {
          return 7;
        }

        @Override
        public long checkedBits(int pathId, byte state, long bits, PathKind expected) {
          return bits;
        }
      };

  private static final int ALL_FLAGS = (1 << ChangeFlag.values().length) - 1;

  @Test
  void randomOperationsMatchAPlainList() {
    Random rnd = new Random(20261125L);
    for (int run = 0; run < 200; run++) {
      ChangeBuffer buf = new ChangeBuffer(CONTEXT, 1 + rnd.nextInt(3));
      List<Entry> model = new ArrayList<>();
      for (int step = 0; step < 300; step++) {
        switch (rnd.nextInt(9)) {
          case 0, 1, 2 -> {
            byte st = (byte) rnd.nextInt(3);
            Object r = st == ChangeBuffer.VALUE && rnd.nextBoolean() ? "r" + step : null;
            Object tg = rnd.nextInt(4) == 0 ? "t" + step : null;
            Entry e = new Entry(rnd.nextInt(100), st, rnd.nextLong(), r, rnd.nextInt(ALL_FLAGS + 1), tg);
            assertEquals(model.size(), buf.add(e.path, e.state, e.bits, e.ref, e.flags, e.tag));
            model.add(e);
          }
          case 3, 4 -> {
            Entry e = new Entry(rnd.nextInt(100), ChangeBuffer.VALUE, rnd.nextLong(), null, 0, null);
            buf.add(e.path, ChangeBuffer.VALUE, e.bits, null, 0, null);
            model.add(e);
          }
          case 5 -> { // the pipeline's filter: keep some entries in order, then truncate
            int w = 0;
            for (int i = 0; i < model.size(); i++) {
              if (rnd.nextBoolean()) {
                buf.move(i, w);
                model.set(w++, model.get(i));
              }
            }
            buf.truncate(w);
            model.subList(w, model.size()).clear();
          }
          case 6 -> {
            if (rnd.nextInt(4) == 0) {
              buf.clear();
              model.clear();
            }
          }
          case 7 -> {
            Object tg = rnd.nextBoolean() ? null : "all" + step;
            buf.tagAll(tg);
            model.replaceAll(e -> new Entry(e.path, e.state, e.bits, e.ref, e.flags, tg));
          }
          default -> {
            if (!model.isEmpty()) {
              int i = rnd.nextInt(model.size());
              int fl = rnd.nextInt(ALL_FLAGS + 1);
              Entry src = model.get(i);
              buf.copyFrom(buf, i, src.path + 1, fl);
              model.add(new Entry(src.path + 1, src.state, src.bits, src.ref, fl, src.tag));
            }
          }
        }
        assertMatches(model, buf, run, step);
      }
    }
  }

  private static void assertMatches(List<Entry> model, ChangeBuffer buf, int run, int step) {
    String at = "run " + run + ", step " + step;
    assertEquals(model.size(), buf.size(), at);
    for (int i = 0; i < model.size(); i++) {
      Entry e = model.get(i);
      String where = at + ", entry " + i;
      assertEquals(e.path, buf.path(i), where);
      assertEquals(e.state, buf.state(i), where);
      assertEquals(e.bits, buf.bits[i], where);
      assertEquals(e.ref, buf.ref(i), where);
      assertEquals(e.flags, buf.flags(i), where);
      assertEquals(e.tag, buf.tag(i), where);
    }
  }

  @Test
  void aDroppedReferenceDoesNotShowThroughALaterPrimitiveEntry() {
    ChangeBuffer buf = new ChangeBuffer(CONTEXT, 1);
    buf.add(1, ChangeBuffer.VALUE, 0, "old", ChangeFlag.SYNC.bit(), "tag");
    buf.truncate(0);
    buf.add(2, ChangeBuffer.VALUE, 5, null, 0, null);
    assertNull(buf.ref(0));
    assertNull(buf.tag(0));
    assertEquals(0, buf.flags(0));
    assertEquals(ChangeBuffer.VALUE, buf.state(0));
    buf.clear();
    buf.add(3, ChangeBuffer.NULL, 0, null, 0, null);
    assertNull(buf.ref(0));
    assertNull(buf.boxedValue(0));
  }

  @Test
  void stateAndEveryFlagShareOneByteWithoutMixing() {
    ChangeBuffer buf = new ChangeBuffer(CONTEXT, 1);
    for (byte st = 0; st < 3; st++) {
      buf.add(st, st, 0, null, ALL_FLAGS, null);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(i, buf.state(i));
      assertEquals(ALL_FLAGS, buf.flags(i));
    }
  }
}
