package dev.statewire.sample;

import dev.statewire.runtime.ListenerEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sample order ticket and its wiring at run time, shared by the console walkthrough and the window. */
public final class OrderTickets {
  private OrderTickets() {}

  /** The sample's ticket: one address, buying, two selected lines; {@code total} is 0 until computed. */
  public static OrderTicket sample() {
    Address home = new Address("1 Main St", "Prague", "11000");
    Map<String, LineItem> lines = new LinkedHashMap<>();
    lines.put("pen", new LineItem("pen", 2, 1.5, true, false));
    lines.put("ink", new LineItem("ink", 1, 4.0, true, false));
    return new OrderTicket(home, home, true, false, lines, null, 0.0, null);
  }

  /**
   * A store on the {@link #sample() sample ticket} whose {@code total} is kept by the
   * {@link #recomputeTotal total listener} for as long as the store lives (it starts right).
   */
  public static OrderTicketStore openStore() {
    OrderTicket t = sample();
    OrderTicketStore store = OrderTicketStore.create(new OrderTicket(t.shipping(), t.billing(),
        t.isBuy(), t.isSell(), t.lines(), t.allSelected(), totalOf(t.lines()), t.note()));
    store.listen(OrderTicketPaths.LINES, OrderTickets::recomputeTotal);
    return store;
  }

  /** The listener that keeps {@code total}: it emits the total of the lines as this batch leaves them. */
  public static void recomputeTotal(ListenerEvent event) {
    @SuppressWarnings("unchecked")
    Map<String, LineItem> after = (Map<String, LineItem>) event.valueAfter(OrderTicketPaths.LINES_ID);
    event.emit(OrderTicketPaths.TOTAL, totalOf(after));
  }

  /** The sum of {@code qty * price} over the selected lines. */
  public static double totalOf(Map<String, LineItem> lines) {
    double total = 0;
    for (LineItem line : lines.values()) {
      if (line.selected()) {
        total += line.qty() * line.price();
      }
    }
    return total;
  }
}
