package dev.statewire.sample;

import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ListenerEvent;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.StateException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sample app: an order ticket on the store generated from {@link OrderTicket}. Each step
 * prints its input, the changes the pipeline applied grouped by the stage that produced them, and
 * the resulting state.
 */
public final class OrderTicketApp {
  private OrderTicketApp() {}

  /** Runs the walkthrough. */
  public static void main(String[] args) {
    Address home = new Address("1 Main St", "Prague", "11000");
    Map<String, LineItem> lines = new LinkedHashMap<>();
    lines.put("pen", new LineItem("pen", 2, 1.5, true, false));
    lines.put("ink", new LineItem("ink", 1, 4.0, true, false));
    OrderTicketStore store =
        OrderTicketStore.create(new OrderTicket(home, home, true, false, lines, null, 0.0, null));

    System.out.println("statewire sample app: an order ticket");
    System.out.println("initial state (select-all read at creation):");
    printState(store);

    // a listener keeps the total: the sum of qty * price over the selected lines
    Registration totals = store.listen(OrderTicketPaths.LINES, OrderTicketApp::recomputeTotal);
    step(store, "listener registered; set lines.pen.qty = 4",
        () -> store.lines().get("pen").setQty(4));

    step(store, "shipping.zip = 60200 (@Sync: billing follows)",
        () -> store.shipping().setZip("60200"));

    step(store, "isSell = true (@Flip: isBuy becomes false)", () -> store.setIsSell(true));

    step(store, "add line 'pad', not selected (select-all disagrees -> null)",
        () -> store.lines().put("pad", new LineItem("pad", 1, 3.0, false, true)));

    step(store, "allSelected = true (fans out to every line; each line's flip follows)",
        () -> store.setAllSelected(true));

    step(store, "remove line 'ink' (select-all reads the remaining lines)",
        () -> store.lines().remove("ink"));

    // a runtime registration: the note follows the shipping city until it is closed again
    Registration noteFollowsCity =
        store.wiring().sync(OrderTicketPaths.SHIPPING_CITY, OrderTicketPaths.NOTE);
    System.out.println();
    System.out.println("runtime sync shipping.city <-> note registered (aligned at once):");
    printState(store);
    step(store, "one batch: shipping.city = Brno, lines.pad.selected = false",
        () -> store.batch()
            .shipping().setCity("Brno").done()
            .lines().entry("pad").setSelected(false).done()
            .apply());
    noteFollowsCity.close();
    step(store, "registration closed; shipping.city = Ostrava (note stays)",
        () -> store.shipping().setCity("Ostrava"));

    System.out.println();
    System.out.println("> a bad write: lines.pen.qty = \"many\" through the untyped API");
    OrderTicket before = store.snapshot();
    try {
      store.store().set("lines.pen.qty", "many");
    } catch (StateException e) {
      System.out.println("  rejected: " + e.getMessage());
    }
    System.out.println("  state unchanged: " + before.equals(store.snapshot()));
    totals.close();
  }

  /** Sets {@code total} from the lines as this batch leaves them. */
  private static void recomputeTotal(ListenerEvent event) {
    @SuppressWarnings("unchecked")
    Map<String, LineItem> after = (Map<String, LineItem>) event.valueAfter(OrderTicketPaths.LINES_ID);
    double total = 0;
    for (LineItem line : after.values()) {
      if (line.selected()) {
        total += line.qty() * line.price();
      }
    }
    event.emit(OrderTicketPaths.TOTAL, total);
  }

  private static final Set<ChangeFlag> STAGES = EnumSet.allOf(ChangeFlag.class);

  private static void step(OrderTicketStore store, String what, Supplier<Changes> write) {
    System.out.println();
    System.out.println("> " + what);
    Changes applied = write.get();
    printStage(applied, "input", EnumSet.noneOf(ChangeFlag.class));
    for (ChangeFlag stage : STAGES) {
      printStage(applied, stage.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          EnumSet.of(stage));
    }
    printState(store);
  }

  /** Prints the applied changes whose newest stage is {@code stage} (input: no flag). */
  private static void printStage(Changes applied, String label, Set<ChangeFlag> stage) {
    for (int i = 0; i < applied.size(); i++) {
      Set<ChangeFlag> flags = applied.flags(i);
      if (stage.isEmpty() ? flags.isEmpty() : newest(flags) == stage.iterator().next()) {
        System.out.printf("    %-15s %-22s = %s%s%n", label, applied.path(i), applied.value(i),
            flags.size() > 1 ? "   (via " + flags + ")" : "");
      }
    }
  }

  /** The last pipeline stage among {@code flags}: the stage that produced the change. */
  private static ChangeFlag newest(Set<ChangeFlag> flags) {
    ChangeFlag last = null;
    for (ChangeFlag f : flags) {
      last = f;
    }
    return last;
  }

  private static void printState(OrderTicketStore store) {
    OrderTicket t = store.snapshot();
    System.out.println("  state: shipping=" + t.shipping() + " billing=" + t.billing());
    System.out.println("         isBuy=" + t.isBuy() + " isSell=" + t.isSell()
        + " allSelected=" + t.allSelected() + " total=" + t.total() + " note=" + t.note());
    t.lines().forEach((k, v) -> System.out.println("         lines." + k + " = " + v));
  }
}
