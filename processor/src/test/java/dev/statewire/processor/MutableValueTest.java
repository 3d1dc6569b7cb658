package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code mutable-value} warning (issue 12, F9): which component types get it, where, and how it is silenced. */
class MutableValueTest {
  private static final String IMPORTS =
      "package shop;\n"
          + "import dev.statewire.annotations.*;\n"
          + "import java.util.*;\n"
          + "import java.util.concurrent.atomic.*;\n";

  private static final String INSTANT = "an immutable type such as java.time.Instant";
  private static final String ZONED = "an immutable type such as java.time.ZonedDateTime";
  private static final String STRING = "an immutable type such as String";
  private static final String PLAIN = "the plain value it holds (int, long, boolean or the referenced value)";
  private static final String LIST = "an immutable type such as java.util.List";
  private static final String COLLECTION =
      "an interface such as java.util.List, java.util.Set or java.util.Collection, whose values the store copies";
  private static final String MAP = "the interface java.util.Map (or SortedMap, NavigableMap), whose values the store copies";

  /** Component type, the type the warning names (with its entries' type for a map or list), and the advice. */
  static Stream<Arguments> mutable() {
    return Stream.of(
        Arguments.of("int[]", "int[]", LIST),
        Arguments.of("String[]", "java.lang.String[]", LIST),
        Arguments.of("Date", "java.util.Date", INSTANT),
        Arguments.of("java.sql.Timestamp", "java.sql.Timestamp", INSTANT),
        Arguments.of("Calendar", "java.util.Calendar", ZONED),
        Arguments.of("GregorianCalendar", "java.util.GregorianCalendar", ZONED),
        Arguments.of("StringBuilder", "java.lang.StringBuilder", STRING),
        Arguments.of("StringBuffer", "java.lang.StringBuffer", STRING),
        Arguments.of("AtomicInteger", "java.util.concurrent.atomic.AtomicInteger", PLAIN),
        Arguments.of("AtomicReference<String>", "java.util.concurrent.atomic.AtomicReference<java.lang.String>", PLAIN),
        Arguments.of("LongAdder", "java.util.concurrent.atomic.LongAdder", PLAIN),
        Arguments.of("ArrayList<String>", "java.util.ArrayList<java.lang.String>", COLLECTION),
        Arguments.of("LinkedList<String>", "java.util.LinkedList<java.lang.String>", COLLECTION),
        Arguments.of("HashSet<String>", "java.util.HashSet<java.lang.String>", COLLECTION),
        Arguments.of("LinkedHashSet<String>", "java.util.LinkedHashSet<java.lang.String>", COLLECTION),
        Arguments.of("TreeSet<String>", "java.util.TreeSet<java.lang.String>", COLLECTION),
        Arguments.of("HashMap<String, String>", "java.util.HashMap<java.lang.String,java.lang.String>", MAP),
        Arguments.of("LinkedHashMap<String, String>", "java.util.LinkedHashMap<java.lang.String,java.lang.String>", MAP),
        Arguments.of("TreeMap<String, String>", "java.util.TreeMap<java.lang.String,java.lang.String>", MAP),
        Arguments.of("ArrayDeque<String>", "java.util.ArrayDeque<java.lang.String>", COLLECTION),
        Arguments.of("Queue<String>", "java.util.Queue<java.lang.String>", COLLECTION),
        Arguments.of("EnumSet<Color>", "java.util.EnumSet<shop.Color>", COLLECTION),
        Arguments.of("List<StringBuilder>", "java.util.List<java.lang.StringBuilder>, whose entries are java.lang.StringBuilder", STRING),
        Arguments.of("Map<String, Date>", "java.util.Map<java.lang.String,java.util.Date>, whose entries are java.util.Date", INSTANT),
        Arguments.of("Map<String, List<int[]>>", "java.util.Map<java.lang.String,java.util.List<int[]>>, whose entries are int[]", LIST));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutable")
  void warnsOnTheComponent(String type, String named, String advice) {
    JavaFileObject file = source("@State public record Form(String name,\n    " + type + " value) {}\nenum Color { RED }");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[statewire:mutable-value] @State component \"value\" is " + named + ", a mutable type: the store holds ")
        .inFile(file).onLine(6);
    assertThat(compilation).hadWarningContaining(" without a batch or listener; use " + advice + ", or add @SuppressWarnings(");
  }

  static List<String> notMutable() {
    return List.of("String", "int", "Integer", "java.time.Instant", "List<String>", "Set<String>", "SortedSet<String>",
        "NavigableSet<String>", "Collection<String>", "SortedMap<String, String>", "NavigableMap<String, String>",
        "Map<String, Item>", "List<Item>", "Map<String, List<String>>", "Item", "Color", "Optional<String>",
        "Optional<Date>", "ImmutableList");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notMutable")
  void noWarningForImmutableOrCopiedTypes(String type) {
    JavaFileObject file = source("@State public record Form(String name, " + type + " value) {}\n"
        + "record Item(String label) {}\n"
        + "enum Color { RED }\n"
        + "abstract class ImmutableList extends AbstractList<String> {}");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void suppressedOnTheComponent() {
    JavaFileObject file = source("@State public record Form(String name,\n"
        + "    @SuppressWarnings(\"statewire:mutable-value\") Date created, Date updated) {}");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("@State component \"updated\" is java.util.Date").inFile(file).onLine(6);
  }

  @Test
  void onAnAccessorOfAnAbstractValueType() {
    JavaFileObject file = source("@State @org.immutables.value.Value.Immutable public interface Form {\n  String name();\n  StringBuilder draft();\n}");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("@State component \"draft\" is java.lang.StringBuilder").inFile(file).onLine(7);
  }

  /** A nested record's component is reported once, on its own line, however often the record occurs. */
  @Test
  void onANestedRecordOnceWhereverItOccurs() {
    JavaFileObject file = source("@State public record Form(Stamp a, Stamp b, Map<String, Stamp> more) {}\n"
        + "record Stamp(String by,\n"
        + "    Date at) {}");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("@State component \"at\" is java.util.Date").inFile(file).onLine(7);
  }

  /** A root deferred to a later round (it names a type generated there) is warned about once. */
  @Test
  void aDeferredRootIsWarnedAboutOnce() {
    JavaFileObject file = Fixtures.source("shop.Holder",
        "package shop; @dev.statewire.annotations.State public record Holder(java.util.Date d, Later later) {}");
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new ProcessorTest.GeneratesLater(), new StateProcessor())
        .compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[statewire:mutable-value] @State component \"d\"");
  }

  private static JavaFileObject source(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("public (?:record|interface) (\\w+)").matcher(body);
    if (!m.find()) {
      throw new IllegalArgumentException(body);
    }
    return Fixtures.source("shop." + m.group(1), IMPORTS + body);
  }
}
