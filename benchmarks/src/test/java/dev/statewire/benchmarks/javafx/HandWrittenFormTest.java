package dev.statewire.benchmarks.javafx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The floor of the JavaFX comparison, {@link HandWrittenForm}, does what the store does: for the
 * same edits it applies the same values and reports the same changes in the same order (seeded
 * random edits, single writes and batches, no-ops included). So the benchmark's {@code floor*}
 * column measures the store's own work, not less.
 */
class HandWrittenFormTest {
  /** The store's path ID of each field of the hand-written form. */
  private static final int[] PATH = {
      CheckoutModels.SHIPPING_STREET, CheckoutModels.SHIPPING_CITY, CheckoutModels.SHIPPING_ZIP,
      CheckoutModels.BILLING_STREET, CheckoutModels.BILLING_CITY, CheckoutModels.BILLING_ZIP,
      CheckoutModels.IS_BUY, CheckoutModels.IS_SELL, CheckoutModels.QUANTITY, CheckoutModels.PRICE,
      CheckoutModels.TOTAL};
  private static final String[] STRINGS = {"1 Main St", "Prague", "11000", "a", "b"};

  @Test
  void randomEditsApplyAndReportWhatTheStoreDoes() {
    Random rnd = new Random(20261203);
    Store store = CheckoutModels.statewire();
    // registered after the form's own listener: it sees the same changes, then that one's output
    List<Integer> seen = new ArrayList<>();
    store.listenAll(event -> {
      for (int i = 0; i < event.changes().size(); i++) {
        seen.add(event.changes().pathId(i));
      }
    });
    HandWrittenForm form = new HandWrittenForm();
    int applied = 0;
    int noops = 0;
    for (int step = 0; step < 3000; step++) {
      List<String> expected;
      List<String> actual;
      seen.clear();
      int kind = rnd.nextInt(4);
      if (kind == 3) {
        int phase = rnd.nextInt(2);
        expected = changes(EditScript.statewire(store, phase));
        actual = changes(form, EditScript.floor(form, phase));
      } else if (kind == 2) {
        Batch b = store.batch();
        HandWrittenForm.Edit e = form.batch();
        for (int k = 1 + rnd.nextInt(6); k > 0; k--) {
          write(rnd, b, e);
        }
        expected = changes(b.apply());
        actual = changes(form, e.apply());
      } else {
        int f = rnd.nextInt(HandWrittenForm.FIELDS);
        Object v = value(rnd, f);
        expected = changes(set(store, f, v));
        actual = changes(form, set(form, f, v));
      }
      assertEquals(expected, actual, "step " + step);
      assertEquals(values(store), values(form), "values after step " + step);
      if (!seen.isEmpty()) {
        List<Integer> order = new ArrayList<>();
        for (int f : form.listenerOrder()) {
          order.add(PATH[f]);
        }
        assertEquals(seen, order, "the listener's view, deepest path first, at step " + step);
      }
      if (expected.isEmpty()) {
        noops++;
      } else {
        applied++;
      }
    }
    // the script reached both kinds of batch
    assertTrue(applied > 1000 && noops > 200, applied + " applied, " + noops + " no-ops");
  }

  @Test
  void aResultGoesStaleWithTheNextBatchAndAListenersViewWithItsCall() {
    HandWrittenForm form = new HandWrittenForm();
    HandWrittenForm.View first = form.setInt(HandWrittenForm.QUANTITY, 4);
    assertEquals(2, first.size()); // quantity and the listener's total
    assertEquals(40.0, first.doubleValue(1));
    form.setInt(HandWrittenForm.QUANTITY, 4); // a no-op is a batch too
    assertThrows(IllegalStateException.class, () -> first.intValue(0));
  }

  @Test
  void aWriteOfTheWrongKindNamesTheFieldAndBothKinds() {
    HandWrittenForm form = new HandWrittenForm();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> form.batch().setInt(HandWrittenForm.PRICE, 3));
    assertEquals("field 9: expected double, got int", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> form.set(HandWrittenForm.SHIPPING_CITY, null));
    assertEquals("field 1: expected String, got null", e.getMessage());
  }

  private static void write(Random rnd, Batch b, HandWrittenForm.Edit e) {
    int f = rnd.nextInt(HandWrittenForm.FIELDS);
    Object v = value(rnd, f);
    int p = PATH[f];
    if (v instanceof String s) {
      b.set(p, s);
      e.set(f, s);
    } else if (v instanceof Boolean x) {
      b.setBoolean(p, x);
      e.setBoolean(f, x);
    } else if (v instanceof Integer x) {
      b.setInt(p, x);
      e.setInt(f, x);
    } else {
      b.setDouble(p, (Double) v);
      e.setDouble(f, (Double) v);
    }
  }

  /** A value for field {@code f} from a small pool, so that many writes equal the current one. */
  private static Object value(Random rnd, int f) {
    if (f <= HandWrittenForm.BILLING_ZIP) {
      return STRINGS[rnd.nextInt(STRINGS.length)];
    }
    return switch (f) {
      case HandWrittenForm.IS_BUY, HandWrittenForm.IS_SELL -> rnd.nextBoolean();
      case HandWrittenForm.QUANTITY -> 1 + rnd.nextInt(3);
      default -> rnd.nextBoolean() ? 10.0 : 2.5;
    };
  }

  private static Changes set(Store store, int f, Object v) {
    int p = PATH[f];
    if (v instanceof String s) {
      return store.set(p, s);
    } else if (v instanceof Boolean x) {
      return store.setBoolean(p, x);
    } else if (v instanceof Integer x) {
      return store.setInt(p, x);
    }
    return store.setDouble(p, (Double) v);
  }

  private static HandWrittenForm.View set(HandWrittenForm form, int f, Object v) {
    if (v instanceof String s) {
      return form.set(f, s);
    } else if (v instanceof Boolean x) {
      return form.setBoolean(f, x);
    } else if (v instanceof Integer x) {
      return form.setInt(f, x);
    }
    return form.setDouble(f, (Double) v);
  }

  private static List<String> changes(Changes c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.pathId(i) + "=" + c.value(i));
    }
    return out;
  }

  private static List<String> changes(HandWrittenForm form, HandWrittenForm.View v) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      int f = v.field(i);
      out.add(PATH[f] + "=" + value(form, v, i, f));
    }
    return out;
  }

  private static Object value(HandWrittenForm form, HandWrittenForm.View v, int i, int f) {
    if (f <= HandWrittenForm.BILLING_ZIP) {
      return v.stringValue(i);
    }
    return switch (f) {
      case HandWrittenForm.IS_BUY, HandWrittenForm.IS_SELL -> v.booleanValue(i);
      case HandWrittenForm.QUANTITY -> v.intValue(i);
      default -> v.doubleValue(i);
    };
  }

  private static List<Object> values(Store store) {
    List<Object> out = new ArrayList<>();
    for (int p : PATH) {
      out.add(store.get(p));
    }
    return out;
  }

  private static List<Object> values(HandWrittenForm form) {
    List<Object> out = new ArrayList<>();
    for (int f = 0; f < HandWrittenForm.FIELDS; f++) {
      out.add(f <= HandWrittenForm.BILLING_ZIP ? form.getString(f)
          : f <= HandWrittenForm.IS_SELL ? (Object) form.getBoolean(f)
          : f == HandWrittenForm.QUANTITY ? (Object) form.getInt(f) : (Object) form.getDouble(f));
    }
    return out;
  }
}
