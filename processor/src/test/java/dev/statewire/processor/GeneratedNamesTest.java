package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.statewire.runtime.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid record compiles: component and type names that collide with each other or with the
 * members of the generated classes are mangled by the rule of docs/COMPILE_ERRORS.md ("Generated
 * names"), and the generated code compiles with {@code -Xlint:all -Werror}.
 */
class GeneratedNamesTest {
  private static final String IMPORTS =
      "package shop;\n"
          + "import dev.statewire.annotations.*;\n"
          + "import java.util.*;\n";

  /** Name: the sources of one fixture (the first is the {@code @State} root). */
  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("path constants that collide with COUNT, ROOT and each other's _ID",
            List.of(
                "@State public record Counter(int count, Customer customer, String customerId, String root, String rootId,"
                    + " String a_b, String aB, Map<String, String> items, String itemsAny, String COUNT_ID, String count_ID) {}",
                "record Customer(String id) {}")),
        Arguments.of("components named like the members of the store, the batch, the views and the writes",
            List.of(
                "@State public record Desk(String store, String snapshot, String replace, String get, String set,"
                    + " String batch, String listen, String listenAll, String subscribe, String wiring, String orNull,"
                    + " String create, String tag, int size, String apply, String done, String path, String pathId,"
                    + " String keys, String put, String remove, String entry, String add, String containsKey,"
                    + " boolean equals, String value, int id, String owner, String DeskPaths, String DeskStore,"
                    + " Part part, Part store_, Map<String, Part> parts, List<Part> list) {}",
                "record Part(String store, String snapshot, String replace, String get, String set, String batch,"
                    + " String orNull, String tag, int size, String apply, String done, String path, String pathId,"
                    + " String keys, String put, String remove, String entry, String add, boolean equals, String value,"
                    + " int id, String owner, String ID, String STORE, String VALUE, Sub done_, Sub replace_, Sub path_) {}",
                "record Sub(int id, String owner) {}")),
        Arguments.of("nodes named like the members of the store, the batch, the views and the writes",
            List.of(
                "@State public record Desk(Part store, Part snapshot, Part replace, Part get, Part set, Part batch,"
                    + " Part listen, Part tag, Part size, Part apply, Part done, Part path, Part pathId, Part orNull,"
                    + " Part wiring, Part subscribe, Part create) {}",
                "record Part(Sub store, Sub snapshot, Sub replace, Sub done, Sub path, Sub pathId, Sub orNull, Sub tag) {}",
                "record Sub(int x) {}")),
        Arguments.of("store and store_ (the reported case)",
            List.of("@State public record Box(String store, String store_, String store__) {}")),
        Arguments.of("setters that differ only in the case of the first letter",
            List.of(
                "@State public record Pair(String x, String X, int y, int Y, Inner inner) {}",
                "record Inner(String a, String A) {}")),
        Arguments.of("offset constants that collide inside a record",
            List.of(
                "@State public record Outer(Inner inner) {}",
                "record Inner(String aB, String a_b, String A_B, int id, int ID) {}")),
        Arguments.of("view and writes classes of different types with the same short name",
            List.of(
                "@State public record Trip(Trip.Leg leg, TripLeg other, Map<String, Optional<String>> a,"
                    + " Map<String, Optional<Long>> b, Map<String, Leg> legs, Map<String, TripLeg> others,"
                    + " TypedBatch typedBatch, Codec codec, LegView legView, StringListView slv, List<String> strings) {\n"
                    + "  public record Leg(String city) {}\n"
                    + "}",
                "record TripLeg(int day) {}",
                "record TypedBatch(int n) {}",
                "record Codec(int n) {}",
                "record LegView(int n) {}",
                "record StringListView(int n) {}")),
        Arguments.of("codec helpers named like keywords and the codec's own methods",
            List.of(
                "@State public record Kw(Int a, Switch b, Yield c, Default d, Component e, Construct f, New g,"
                    + " Record h, Var i, Kw2 j) {}",
                "record Int(int v) {}", "record Switch(int v) {}", "record Yield(int v) {}", "record Default(int v) {}",
                "record Component(int v) {}", "record Construct(int v) {}", "record New(int v) {}",
                "record Record(int v) {}", "record Var(int v) {}", "record Kw2(Inner v) { record Inner(int v) {} }")),
        Arguments.of("entry types whose short names have no ASCII letters",
            List.of(
                "@SuppressWarnings(\"statewire:mutable-value\")\n"
                    + "@State public record Arrays(List<int[]> ints, List<$[]> dollars, Map<String, Ü[][]> umlauts,"
                    + " List<$> plain, Map<String, Ü> more) {}",
                "record $(int v) {}",
                "record Ü(int v) {}")),
        Arguments.of("components named like keywords' neighbours",
            List.of("@State public record Odd(String class_, String $, String _x, String $x, String var, String record,"
                + " String x$, String ANY, Map<String, String> m, String mAny, String M_ANY) {}")),
        // (attributes named like java.lang types, Objects() or Double(), are Immutables' own
        // concern: it warns that it cannot rewrite its imports for them)
        Arguments.of("an Immutables state type whose attributes are named like what the generated code uses",
            List.of(
                "@State @org.immutables.value.Value.Immutable public interface Shape { String objects(); int java();"
                    + " String schema(); String codec(); String record(); String components(); int h(); int pathId(); }")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void compilesWithoutWarnings(String name, List<String> sources) {
    Compilation compilation = (sources.stream().anyMatch(x -> x.contains("Value.Immutable"))
        ? Fixtures.strictWithImmutables() : Fixtures.strict()).compile(files(sources));
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** Colliding names keep their own name where it is free; the others get {@code _} appended until free. */
  @Test
  void theManglingRuleAsDocumented() {
    Compilation compilation = Fixtures.strict().compile(files(List.of(
        "@State public record Box(String store, String store_, int count, Customer customer, String customerId,"
            + " String x, String X, Inner inner) {}",
        "record Customer(String id) {}",
        "record Inner(String aB, String a_b) {}")));
    assertThat(compilation).succeededWithoutWarnings();
    String paths = Fixtures.generated(compilation, "shop/BoxPaths.java");
    for (String constant : List.of("ROOT", "STORE", "STORE_", "COUNT_", "CUSTOMER", "CUSTOMER_ID_", "CUSTOMER_ID__", "X", "X_")) {
      assertTrue(paths.contains(" " + constant + " = "), constant + " in\n" + paths);
      assertTrue(paths.contains(" " + constant + "_ID = "), constant + "_ID in\n" + paths);
    }
    assertTrue(paths.contains("public static final int COUNT = 12;"), paths);
    assertTrue(!Fixtures.generated(compilation, "shop/BoxSchema.java").contains("unchecked"), "no generic component, no unchecked cast");
    String store = Fixtures.generated(compilation, "shop/BoxStore.java");
    for (String method : List.of("String store__()", "String store_()", "Changes setStore(String value)",
        "Changes setStore_(String value)", "String x()", "String X()", "Changes setX(String value)", "Changes setX_(String value)",
        "int count()", "String customerId()", "String aB()", "String a_b()", "private static final int A_B = 1;",
        "private static final int A_B_ = 2;")) {
      assertTrue(store.contains(method), method + " in\n" + store);
    }
  }

  /** Components whose offset constants collided read and write their own paths. */
  @Test
  void collidingComponentsReadAndWriteTheirOwnPaths() throws Exception {
    Compilation compilation = Fixtures.strict().compile(files(List.of(
        "@State public record Outer(Inner inner, String store, String store_) {}",
        "public record Inner(String aB, String a_b, int id, int ID) {}")));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = Fixtures.classes(compilation);
    Class<?> outer = loader.loadClass("shop.Outer");
    Class<?> inner = loader.loadClass("shop.Inner");
    Object initial = outer.getDeclaredConstructors()[0].newInstance(
        inner.getDeclaredConstructors()[0].newInstance("ab", "a_b", 1, 2), "s", "s_");
    Class<?> storeType = loader.loadClass("shop.OuterStore");
    Object store = storeType.getMethod("create", outer).invoke(null, initial);
    Object view = call(store, "inner");
    assertEquals("ab", call(view, "aB"));
    assertEquals("a_b", call(view, "a_b"));
    assertEquals(1, call(view, "id"));
    assertEquals(2, call(view, "ID"));
    call(view, "setA_b", "new");
    call(view, "setId", 7);
    assertEquals("ab", call(view, "aB"));
    assertEquals("new", call(view, "a_b"));
    assertEquals(7, call(view, "id"));
    assertEquals(2, call(view, "ID"));
    call(store, "setStore", "t");
    assertEquals("t", call(store, "store__"));
    assertEquals("s_", call(store, "store_"));
    assertEquals("Outer[inner=Inner[aB=ab, a_b=new, id=7, ID=2], store=t, store_=s_]", call(store, "snapshot").toString());
  }

  /**
   * A record view's path handles: {@code qtyPath()} per component, named after the getters, so
   * that components {@code a} and {@code aPath} keep their getters {@code a()} and {@code
   * aPath()} and get the handles {@code aPath_()} and {@code aPathPath()}; each handle is typed as
   * the component's {@code XPaths} template constant and names the component in the view's own
   * entry.
   */
  @Test
  void pathHandlesOfAMapEntryAndANestedRecord() throws Exception {
    Compilation compilation = Fixtures.strict().compile(files(List.of(
        "@State public record Ticket(Map<String, Line> lines, Customer customer) {}",
        "public record Line(int qty, Customer buyer, Map<String, Integer> tags, List<String> notes, int a, int aPath,"
            + " String path) {}",
        "public record Customer(String name) {}")));
    assertThat(compilation).succeededWithoutWarnings();
    String store = Fixtures.generated(compilation, "shop/TicketStore.java");
    for (String method : List.of("public int a()", "public int aPath()", "public Path<Integer> aPath_()",
        "public Path<Integer> aPathPath()", "public String path_()", "public Path<String> pathPath()",
        "public Path<Integer> qtyPath()", "public Path<Customer> buyerPath()", "public Path<String> namePath()",
        "public Path<Map<String, Integer>> tagsPath()", "public Path<List<String>> notesPath()")) {
      assertTrue(store.contains(method), method + " in\n" + store);
    }

    ClassLoader loader = Fixtures.classes(compilation);
    Class<?> ticket = loader.loadClass("shop.Ticket");
    Class<?> line = loader.loadClass("shop.Line");
    Class<?> customer = loader.loadClass("shop.Customer");
    Object ann = customer.getDeclaredConstructors()[0].newInstance("Ann");
    Object k1 = line.getDeclaredConstructors()[0].newInstance(3, ann, Map.of("x", 1), List.of("n"), 5, 6, "p");
    Map<String, Object> lines = new java.util.LinkedHashMap<>();
    lines.put("k1", k1);
    Object initial = ticket.getDeclaredConstructors()[0].newInstance(lines, customer.getDeclaredConstructors()[0].newInstance("Bo"));
    Class<?> storeType = loader.loadClass("shop.TicketStore");
    Object typed = storeType.getMethod("create", ticket).invoke(null, initial);
    Object view = call(call(typed, "lines"), "get", "k1");

    Path<?> qty = (Path<?>) call(view, "qtyPath");
    assertEquals("lines.k1.qty", qty.path());
    assertEquals(Integer.class, qty.type());
    assertEquals(call(view, "qty"), call(typed, "get", qty));
    assertEquals(3, call(typed, "get", qty));
    assertEquals("lines.k1.a", ((Path<?>) call(view, "aPath_")).path());
    assertEquals(5, call(typed, "get", call(view, "aPath_")));
    assertEquals("lines.k1.aPath", ((Path<?>) call(view, "aPathPath")).path());
    assertEquals(6, call(view, "aPath"));
    assertEquals(6, call(typed, "get", call(view, "aPathPath")));
    assertEquals("lines.k1.path", ((Path<?>) call(view, "pathPath")).path());
    assertEquals("lines.k1", ((Path<?>) call(view, "path")).path(), "the view's own path()");
    assertEquals(ann, call(typed, "get", call(view, "buyerPath")));
    assertEquals("lines.k1.buyer.name", ((Path<?>) call(call(view, "buyer"), "namePath")).path());
    assertEquals("Ann", call(typed, "get", call(call(view, "buyer"), "namePath")));
    assertEquals(Map.of("x", 1), call(typed, "get", call(view, "tagsPath")));
    assertEquals("Bo", call(typed, "get", call(call(typed, "customer"), "namePath")));

    // typed as the XPaths template constants
    Class<?> paths = loader.loadClass("shop.TicketPaths");
    Class<?> lineView = view.getClass();
    for (String[] pair : new String[][] {{"qtyPath", "LINES_ANY_QTY"}, {"buyerPath", "LINES_ANY_BUYER"},
        {"tagsPath", "LINES_ANY_TAGS"}, {"notesPath", "LINES_ANY_NOTES"}, {"aPath_", "LINES_ANY_A"},
        {"aPathPath", "LINES_ANY_A_PATH"}, {"pathPath", "LINES_ANY_PATH"}}) {
      assertEquals(paths.getField(pair[1]).getGenericType(), lineView.getMethod(pair[0]).getGenericReturnType(), pair[0]);
    }
  }

  /**
   * Top-level classes cannot be mangled (their names are the API): two {@code @State} types that
   * need the same generated class are reported on the second, not left to fail in javac's filer.
   */
  @Test
  void twoStateTypesThatNeedTheSameGeneratedClassAreReported() {
    List<JavaFileObject> sources = files(List.of(
        "@State public record Outer(int a) { @State public record Inner(int b) {} }",
        "@State public record OuterInner(int c) {}"));
    Compilation compilation = Fixtures.javac().compile(sources);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[statewire:name-clash] @State type shop.");
    assertThat(compilation).hadErrorContaining("needs the generated class shop.OuterInnerPaths, but a type of that name already exists");
  }

  /**
   * Types of the state's package named like the {@code java.lang} types that generated code uses
   * hide them ({@code Override}, {@code System}, {@code String} ...): generated code writes those
   * fully qualified. 1,256 paths, so that the schema's tables are split and joined with {@code
   * System.arraycopy}.
   */
  @Test
  void typesOfThePackageNamedLikeJavaLangTypes() {
    List<String> sources = new ArrayList<>();
    sources.add("@State public record Lang(Wide a, Wide b, Wide c, Wide d, Wide e, java.lang.String note,"
        + " java.util.Map<java.lang.String, java.lang.Integer> counts, java.util.Optional<java.lang.String> maybe,"
        + " java.lang.Boolean flag, double ratio) {}");
    StringBuilder wide = new StringBuilder("record Wide(int c0");
    for (int i = 1; i < 250; i++) {
      wide.append(", int c").append(i);
    }
    sources.add(wide + ") {}");
    for (String hidden : List.of("Override", "System", "String", "Object", "Integer", "Boolean", "Double", "Class",
        "SuppressWarnings", "SafeVarargs", "IllegalArgumentException", "IndexOutOfBoundsException", "Objects")) {
      sources.add("class " + hidden + " {}");
    }
    // no Immutables type here: the code Immutables generates does not compile in a package whose
    // types hide java.lang.Override or java.lang.SuppressWarnings
    Compilation compilation = Fixtures.strict().compile(files(sources));
    assertThat(compilation).succeededWithoutWarnings();
    String schema = Fixtures.generated(compilation, "shop/LangSchema.java");
    assertTrue(schema.contains("java.lang.System.arraycopy(part, 0, into, at, part.length);"), "split tables");
    assertTrue(schema.contains("@java.lang.Override"));
    assertTrue(!schema.contains("CODEC_TYPES") && schema.contains("case 1, 252, 503, 754, 1005 -> wide("),
        "1,256 paths but 6 record paths: the codec lists them");
  }

  private static Object call(Object target, String method, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        return m.invoke(target, args);
      }
    }
    throw new AssertionError("no method " + method + " with " + args.length + " arguments on " + target.getClass());
  }

  /** Each source in its own file {@code shop/<Type>.java}, with the usual imports. */
  private static List<JavaFileObject> files(List<String> sources) {
    List<JavaFileObject> out = new ArrayList<>();
    for (String source : sources) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?:record|class|interface) ([^\\s(<{]+)").matcher(source);
      if (!m.find()) {
        throw new IllegalArgumentException("no type in " + source);
      }
      out.add(Fixtures.source("shop." + m.group(1), IMPORTS + source));
    }
    return out;
  }
}
