package dev.statewire.benchmarks.memory;

import dev.statewire.benchmarks.ecommerce.Ecommerce;
import dev.statewire.benchmarks.support.FlatState;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Shadow memory per store, measured with JOL's {@link GraphLayout} (issue 3, issue 6 §2). Not a
 * JMH benchmark: a heap walk has no timing. Run:
 *
 * <pre>java -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar \
 *     dev.statewire.benchmarks.memory.Footprint [--histogram]</pre>
 *
 * <p>What is counted. JOL walks every object reachable from its roots, including {@link Class}
 * objects and through them the class loader and everything it holds. So the figures are
 * differences of walks over unions of roots (totals, not object addresses, so a GC between walks
 * does not matter):
 *
 * <ul>
 *   <li><b>outside</b> = what the schema and store reach but neither owns: the {@code Class} objects
 *       the schema names and the user's listener objects;
 *   <li><b>schema bytes</b> = walk(schema + outside) − walk(outside): the tables shared by every
 *       store of the type, one copy per JVM;
 *   <li><b>store bytes</b> = walk(store + schema + outside) − walk(schema + outside): what one more
 *       store of the type costs. Objects that every store shares (enum constants, shared empty
 *       arrays and collections) are included, since one store reaches them (216 B of the 50-path
 *       store's figure);
 *   <li><b>amortized</b> = (walk({@value #AMORTIZED_STORES} stores + schema + outside) −
 *       walk(schema + outside)) / {@value #AMORTIZED_STORES}: the stores measured together, so
 *       the objects they share count once, as in a JVM that holds many stores.
 * </ul>
 *
 * Prints one line per store shape and, with {@code --histogram}, JOL's per-class footprint of
 * the store's own objects.
 */
public final class Footprint {
  /** Number of stores that the amortized figure is measured over. */
  public static final int AMORTIZED_STORES = 1_000;

  private Footprint() {}

  public static void main(String[] args) {
    boolean histogram = args.length > 0 && args[0].equals("--histogram");
    PrintStream out = System.out;
    out.println("# " + VM.current().details().replace('\n', ' ').replaceAll(" +", " ").trim());
    out.println("# java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    out.printf("%-62s %12s %12s%n", "store", "store bytes", "schema bytes");

    Schema flat = FlatState.schema(10_000);
    Store plain = FlatState.store(flat);
    report(out, "flat 10,000 paths, no wiring, before any batch", plain, flat, List.of(), histogram);
    plain.setDouble(FlatState.FIRST_DOUBLE, 1.0);
    report(out, "flat 10,000 paths, no wiring, after one batch", plain, flat, List.of(), histogram);

    Store synced = FlatState.store(flat);
    synced.wiring().sync(FlatState.FIRST_DOUBLE, FlatState.FIRST_DOUBLE + 1);
    synced.setDouble(FlatState.FIRST_DOUBLE, 1.0);
    report(out, "flat 10,000 paths, one runtime sync pair", synced, flat, List.of(), histogram);

    Store flipped = FlatState.store(flat);
    flipped.wiring().flip(1, 2);
    flipped.setBoolean(1, true);
    report(out, "flat 10,000 paths, one runtime flip pair", flipped, flat, List.of(), histogram);

    Store listened = FlatState.store(flat);
    dev.statewire.runtime.Listener l = e -> {};
    listened.listen(FlatState.FIRST_DOUBLE, FlatState.FIRST_DOUBLE, l);
    listened.setDouble(FlatState.FIRST_DOUBLE, 1.0);
    report(out, "flat 10,000 paths, one listener", listened, flat, List.of(l), histogram);

    Ecommerce shop = new Ecommerce();
    Ecommerce.trigger("S01").bind(shop.store()).apply();
    report(out, "e-commerce (" + shop.store().stats().pathIds() + " path IDs, 113 pairs, 85 listeners)",
        shop.store(), Ecommerce.SCHEMA, new ArrayList<>(shop.listenerObjects()), histogram);

    Schema small = FlatState.schema(50);
    Store s50 = FlatState.store(small);
    s50.setDouble(FlatState.FIRST_DOUBLE, 1.0);
    report(out, "flat 50 paths, no wiring, after one batch", s50, small, List.of(), histogram);
    double perStore = amortized(small, () -> ManyStores.touched(FlatState.store(small)));
    out.printf(Locale.ROOT, "%-62s %12.3f%n",
        String.format(Locale.ROOT, "flat 50 paths, after one batch, amortized over %,d stores", AMORTIZED_STORES),
        perStore);
  }

  /** Roots that the schema and store reach but do not own. */
  static Object[] outside(Schema schema, List<?> userObjects) {
    Set<Object> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.add(schema.rootType());
    for (int i = 0; i < schema.pathCount(); i++) {
      roots.add(schema.type(i));
    }
    roots.addAll(userObjects);
    return roots.toArray();
  }

  /** {store bytes, schema bytes}, as the class comment defines them. */
  public static long[] measure(Store store, Schema schema, List<?> userObjects) {
    Object[] out = outside(schema, userObjects);
    long outsideBytes = GraphLayout.parseInstance(out).totalSize();
    long withSchema = GraphLayout.parseInstance(append(out, schema)).totalSize();
    long withStore = GraphLayout.parseInstance(append(append(out, schema), store)).totalSize();
    return new long[] {withStore - withSchema, withSchema - outsideBytes};
  }

  /**
   * Bytes per store of {@link #AMORTIZED_STORES} stores from {@code make}, measured together
   * (the class comment's <b>amortized</b>); with three decimals the figure is exact (1,000 stores).
   */
  public static double amortized(Schema schema, Supplier<Store> make) {
    Object[] base = append(outside(schema, List.of()), schema);
    Object[] all = Arrays.copyOf(base, base.length + AMORTIZED_STORES);
    for (int i = 0; i < AMORTIZED_STORES; i++) {
      all[base.length + i] = make.get();
    }
    long bytes = GraphLayout.parseInstance(all).totalSize() - GraphLayout.parseInstance(base).totalSize();
    return (double) bytes / AMORTIZED_STORES;
  }

  private static Object[] append(Object[] a, Object x) {
    Object[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = x;
    return r;
  }

  private static void report(
      PrintStream out, String name, Store store, Schema schema, List<?> userObjects, boolean histogram) {
    long[] m = measure(store, schema, userObjects);
    out.printf(Locale.ROOT, "%-62s %12d %12d%n", name, m[0], m[1]);
    if (histogram) {
      Object[] others = append(outside(schema, userObjects), schema);
      out.println(GraphLayout.parseInstance(store).subtract(GraphLayout.parseInstance(others)).toFootprint());
    }
  }
}
