package dev.statewire.sample;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.StateException;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The console walkthrough of the order ticket: each step prints its input, the changes the
 * pipeline applied grouped by the stage that produced them ({@link ChangeReport}), and the
 * resulting state. {@link OrderTicketApp} runs it where no window can open.
 */
public final class ConsoleWalkthrough {
  private final PrintStream out;

  private ConsoleWalkthrough(PrintStream out) {
    this.out = out;
  }

  /** Runs the walkthrough, printing to {@code out}. */
  public static void run(PrintStream out) {
    new ConsoleWalkthrough(out).run();
  }

  private void run() {
    OrderTicketStore store = OrderTicketStore.create(OrderTickets.sample());

    out.println("statewire sample app: an order ticket");
    out.println("initial state (select-all read at creation):");
    printState(store);

    // a listener keeps the total: the sum of qty * price over the selected lines
    Registration totals = store.listen(OrderTicketPaths.LINES, OrderTickets::recomputeTotal);
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
    out.println();
    out.println("runtime sync shipping.city <-> note registered (aligned at once):");
    printState(store);
    step(store, "one batch: shipping.city = Brno, lines.pad.selected = false",
        () -> store.batch()
            .shipping().setCity("Brno").done()
            .lines().entry("pad").setSelected(false).done()
            .apply());
    noteFollowsCity.close();
    step(store, "registration closed; shipping.city = Ostrava (note stays)",
        () -> store.shipping().setCity("Ostrava"));

    out.println();
    out.println("> a bad write: lines.pen.qty = \"many\" through the untyped API");
    OrderTicket before = store.snapshot();
    try {
      store.store().set("lines.pen.qty", "many");
    } catch (StateException e) {
      out.println("  rejected: " + e.getMessage());
    }
    out.println("  state unchanged: " + before.equals(store.snapshot()));
    totals.close();
  }

  private void step(OrderTicketStore store, String what, Supplier<Changes> write) {
    out.println();
    out.println("> " + what);
    for (String line : ChangeReport.byStage(write.get())) {
      out.println("    " + line);
    }
    printState(store);
  }

  private void printState(OrderTicketStore store) {
    OrderTicket t = store.snapshot();
    out.println("  state: shipping=" + t.shipping() + " billing=" + t.billing());
    out.println("         isBuy=" + t.isBuy() + " isSell=" + t.isSell()
        + " allSelected=" + t.allSelected() + " total=" + t.total() + " note=" + t.note());
    t.lines().forEach((k, v) -> out.println("         lines." + k + " = " + v));
  }
}
