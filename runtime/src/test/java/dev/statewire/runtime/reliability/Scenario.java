package dev.statewire.runtime.reliability;

import dev.statewire.runtime.Schema;
import dev.statewire.runtime.reliability.RShapes.Checkout;
import dev.statewire.runtime.reliability.RShapes.Catalog;
import dev.statewire.runtime.reliability.RShapes.Flags;
import dev.statewire.runtime.reliability.RShapes.Market;
import dev.statewire.runtime.reliability.RShapes.Nested;
import dev.statewire.runtime.reliability.RShapes.Ticket;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;

/**
 * One state shape of the differential test: its root type and its static wiring, given once as
 * dot paths and turned into both a {@link Schema} (through {@link TestSchemas}) and a {@link
 * Model}.
 */
record Scenario(
    String name,
    Class<? extends Record> type,
    List<String[]> sync,
    List<String[]> flip,
    List<String[]> templateSync,
    List<String[]> templateFlip,
    List<String[]> aggs) {

  private static String[] p(String a, String b) {
    return new String[] {a, b};
  }

  /** Every shape of the differential test. */
  static final List<Scenario> ALL = List.of(
      new Scenario("S1", Checkout.class,
          List.of(p("shipping.street", "billing.street"), p("shipping.city", "billing.city"), p("shipping.zip", "billing.zip")),
          List.<String[]>of(p("isBuy", "isSell")), List.of(), List.of(), List.of()),
      new Scenario("S2", Flags.class,
          List.of(p("e", "f"), p("g", "h"), p("h", "group.x")),
          List.of(p("a", "b"), p("b", "c"), p("d", "e"), p("group.x", "group.y")), List.of(), List.of(), List.of()),
      new Scenario("S3", Catalog.class,
          List.<String[]>of(p("items.k1.qty", "items.k2.qty")), List.of(), List.of(), List.of(),
          List.<String[]>of(new String[] {"allSelected", "items.k1.selected", "items.k2.selected",
              "items.k3.selected", "items.k4.selected", "items.k5.selected"})),
      new Scenario("S4", Nested.class,
          List.of(p("a.b", "x.b"), p("a.g", "x.b.c.e")), List.of(), List.of(), List.of(), List.of()),
      new Scenario("Ticket", Ticket.class,
          List.<String[]>of(p("shipping", "billing")), List.<String[]>of(p("isBuy", "isSell")), List.of(), List.of(), List.of()),
      new Scenario("Market", Market.class, List.of(), List.of(), List.of(), RShapes.MARKET_TEMPLATE_FLIP,
          RShapes.MARKET_AGGS));

  static Scenario named(String name) {
    for (Scenario s : ALL) {
      if (s.name.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no scenario " + name);
  }

  /** The schema with this shape's static wiring. */
  Schema schema() {
    TestSchemas.Builder b = TestSchemas.of(type);
    for (String[] x : sync) {
      b.sync(x[0], x[1]);
    }
    for (String[] x : templateSync) {
      b.sync(x[0], x[1]);
    }
    for (String[] x : flip) {
      b.flip(x[0], x[1]);
    }
    for (String[] x : templateFlip) {
      b.flip(x[0], x[1]);
    }
    for (String[] a : aggs) {
      String[] sources = new String[a.length - 1];
      System.arraycopy(a, 1, sources, 0, sources.length);
      b.aggregate(a[0], sources);
    }
    return b.build();
  }

  /** A model store with this shape's wiring, created from {@code initial}. */
  Model model(Object initial) {
    return new Model(type, initial, sync, flip, templateSync, templateFlip, aggs);
  }
}
