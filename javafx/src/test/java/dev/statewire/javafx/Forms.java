package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.NOTE;
import static dev.statewire.javafx.FormPaths.PRICE_ID;
import static dev.statewire.javafx.FormPaths.QUANTITY_ID;
import static dev.statewire.javafx.FormPaths.TOTAL_ID;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test stores of {@link Form}. */
final class Forms {
  private Forms() {}

  /** The note that the test listener refuses. */
  static final String REFUSED_NOTE = "refused";

  /** The initial form: two selected lines, one tag, total = 2 × 10.0. */
  static Form initial() {
    Form.Address a = new Form.Address("1 Main St", "Prague", 3);
    Map<String, Form.Line> lines = new LinkedHashMap<>();
    lines.put("k1", new Form.Line("pen", 1, true));
    lines.put("k2", new Form.Line("pad", 2, true));
    return new Form(a, a, true, false, 2, 10.0, 20.0, 7L, "first", lines, true, List.of("a"));
  }

  /**
   * A store of {@link #initial()} with two listeners: one that keeps {@code total = quantity ×
   * price}, and one that refuses the note {@link #REFUSED_NOTE} (it throws).
   */
  static Store create() {
    Store store = FormStore.create(initial()).store();
    store.listenAll(
        e -> {
          Changes c = e.changes();
          for (int i = 0; i < c.size(); i++) {
            if (c.pathId(i) == QUANTITY_ID || c.pathId(i) == PRICE_ID) {
              int q = (Integer) e.valueAfter(QUANTITY_ID);
              double p = (Double) e.valueAfter(PRICE_ID);
              e.emitDouble(TOTAL_ID, q * p);
              return;
            }
          }
        });
    store.listen(
        NOTE,
        e -> {
          if (REFUSED_NOTE.equals(e.valueAfter(NOTE))) {
            throw new IllegalArgumentException("the note \"" + REFUSED_NOTE + "\" is refused");
          }
        });
    return store;
  }

  /** Collects the exceptions an FxStore reports. */
  static final class Errors implements java.util.function.Consumer<RuntimeException> {
    final List<RuntimeException> seen = new ArrayList<>();

    @Override
    public void accept(RuntimeException e) {
      seen.add(e);
    }
  }
}
