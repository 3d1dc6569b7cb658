package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.statewire.runtime.Store;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Large states compile (issue 12, F8): a tree of records reused at five levels, with a flip in
 * every leaf record and an aggregation in every record above it, so that every generated table
 * (paths, flip pairs, aggregations, the codec's record types) and the path constants are split.
 * The build runs a state of 8,428 paths (two copies of {@code O}, leaf records of three
 * components); {@code -Dstatewire.largeState.copies=9 -Dstatewire.largeState.leaves=10} runs the
 * 100,912-path state of docs/RELIABILITY.md, and mutation testing a 4,217-path one (one copy).
 */
class LargeStateTest {

  @Test
  void aLargeStateCompilesAndItsStoreWorks() throws Exception {
    int copies = Integer.getInteger("statewire.largeState.copies", 2);
    int leaves = Integer.getInteger("statewire.largeState.leaves", 3);
    int l = 1 + leaves;
    int o = 1 + 10 * (1 + 10 * (1 + 10 * l + 1));
    int paths = 1 + copies * o + 1 + l;
    long start = System.nanoTime();
    Compilation compilation = Fixtures.strict().compile(sources(copies, leaves));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(compilation).succeededWithoutWarnings();
    System.out.println("large state: " + paths + " paths compiled in " + millis + " ms");

    String schema = Fixtures.generated(compilation, "big/BigSchema.java");
    assertTrue(schema.contains("NAMES = join(new String[" + paths + "],"), "split NAMES");
    assertTrue(schema.contains("FLIP_PAIRS = join(new int[" + (copies * 1000 + 1) + "][],"), "split FLIP_PAIRS");
    assertTrue(schema.contains("switch (CODEC_TYPES[pathId])"), "codec by record type");
    for (String chunk : List.of("Rows 0 to 999 of {@link #NAMES}", "Rows 1000 to 1999 of {@link #NAMES}",
        "Rows " + (paths / 1000 * 1000) + " to " + (paths - 1) + " of {@link #TYPE_NAMES}", "Rows 0 to 499 of {@link #FLIP_PAIRS}",
        "private static String[] names0() {", "private static int[][] flipPairs0() {",
        "private static int[] codecTypes0() {", "NAMES = join(new String[" + paths + "],\n    names0(),\n    names1(),")) {
      assertTrue(schema.contains(chunk), chunk);
    }
    assertTrue(!schema.contains("Rows 0 to 999 of {@link #SYNC_PAIRS}") && schema.contains("SYNC_PAIRS = {};"), "an empty table stays a literal");
    String pathsSource = Fixtures.generated(compilation, "big/BigPaths.java");
    assertTrue(pathsSource.contains("BigPathsParts.Part1"), "constants split into parts");
    assertTrue(pathsSource.contains("public static final int COUNT = " + paths + ";"));
    assertTrue(pathsSource.contains("This state has " + paths + " paths: the constants of the first 2000 are declared here"));
    assertTrue(pathsSource.contains("public static final int ROOT_ID = 0;") && pathsSource.contains(" = 1999;")
        && !pathsSource.contains(" = 2000;"), "BigPaths declares paths 0 to 1999");
    assertTrue(!pathsSource.contains("generic("), "the first 2,000 paths have no generic type, so BigPaths needs no generic()");
    String parts = Fixtures.generated(compilation, "big/BigPathsParts.java");
    assertTrue(parts.contains("static <T> Path<T> generic("), "extra, a Map, is in a part");
    assertTrue(parts.contains("The constants of paths 2000 to 3999") && parts.contains(" = 2000;"), "Part1 starts at 2000");
    assertTrue(parts.contains("final class BigPathsParts {") && parts.contains("interface Part1 {"), "package-private");

    ClassLoader loader = Fixtures.classes(compilation);
    Class<?> root = loader.loadClass("big.Big");
    assertEquals(paths, loader.loadClass("big.BigPaths").getField("COUNT").get(null));
    Object store = loader.loadClass("big.BigStore").getMethod("create", root).invoke(null, value(root));
    Store untyped = (Store) store.getClass().getMethod("store").invoke(store);
    String last = "o" + (copies - 1) + ".n9.m9.l9";
    assertEquals(paths, ((dev.statewire.runtime.Schema) loader.loadClass("big.BigSchema").getField("SCHEMA").get(null)).pathCount());
    String a = last + ".a" + (leaves - 1);
    untyped.set(a, 42);
    assertEquals(42, untyped.get(a));
    untyped.set(last + ".on", true);
    assertEquals(false, untyped.get(last + ".off"), "the flip declared on L holds in the last copy");
    assertEquals(false, untyped.get("o" + (copies - 1) + ".n9.m9.both"), "read at creation: l0.on and l1.on are both false");
    untyped.set("o0.n0.m0.l0.on", true);
    assertEquals(null, untyped.get("o0.n0.m0.both"), "the sources disagree");
    untyped.set("o0.n0.m0.l1.on", true);
    assertEquals(true, untyped.get("o0.n0.m0.both"), "the aggregation declared on M");
    // user code in another package reads constants of the last part through BigPaths (reflection
    // cannot: the part that declares them is package-private)
    Class<?> probe = loader.loadClass("app.Probe");
    assertEquals(untyped.schema().find(a), probe.getMethod("id").invoke(null));
    assertEquals(a, probe.getMethod("path").invoke(null));
  }

  /** The sources: Big(O o0.., Map&lt;String, L&gt; extra), O(N n0..n9), N(M m0..m9), M(L l0..l9, Boolean both), L(on, off, a2..). */
  static List<JavaFileObject> sources(int copies, int leaves) {
    String header = "package big;\nimport dev.statewire.annotations.*;\nimport java.util.*;\n";
    List<JavaFileObject> out = new ArrayList<>();
    out.add(Fixtures.source("big.Big", header + "@State public record Big(" + components("O", "o", copies) + ", Map<String, L> extra) {}"));
    out.add(Fixtures.source("big.O", header + "public record O(" + components("N", "n", 10) + ") {}"));
    out.add(Fixtures.source("big.N", header + "public record N(" + components("M", "m", 10) + ") {}"));
    out.add(Fixtures.source("big.M", header
        + "@Aggregate(target = \"both\", sources = {\"l0.on\", \"l1.on\"})\n"
        + "public record M(" + components("L", "l", 10) + ", Boolean both) {}"));
    StringBuilder l = new StringBuilder("public record L(boolean on, @Flip(\"on\") boolean off");
    for (int i = 2; i < leaves; i++) {
      l.append(", int a").append(i);
    }
    out.add(Fixtures.source("big.L", header + l + ") {}"));
    String constant = "O" + (copies - 1) + "_N9_M9_L9_A" + (leaves - 1);
    out.add(Fixtures.source("app.Probe", "package app;\n"
        + "public final class Probe {\n"
        + "  public static int id() { return big.BigPaths." + constant + "_ID; }\n"
        + "  public static String path() { return big.BigPaths." + constant + ".path(); }\n"
        + "}"));
    return out;
  }

  private static String components(String type, String name, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(type + " " + name + i);
    }
    return String.join(", ", out);
  }

  /** A value of record type {@code type}: zeros, false, null and empty maps all the way down. */
  static Object value(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> c = components[i].getType();
      types[i] = c;
      args[i] = c == int.class ? (Object) 0 : c == boolean.class ? (Object) false : c.isRecord() ? value(c)
          : c == java.util.Map.class ? new LinkedHashMap<>() : null;
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor.newInstance(args);
  }
}
