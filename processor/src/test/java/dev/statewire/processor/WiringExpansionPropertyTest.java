package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.statewire.runtime.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The static sync and flip pairs that the processor precomputes for wiring declared on nested
 * records are, in order, what a plain reference expansion gives (PIPELINE.md §4: the order fixes
 * group and member order): every occurrence of a record in depth-first order, entry templates
 * included, and for each occurrence its type-level annotations in source order, then its
 * component annotations in component order; a pair declared twice counts once.
 *
 * <p>Each seed generates random records with random wiring, compiles them with the processor,
 * loads the generated {@code XSchema} (so the runtime's {@link Schema} constructor validates the
 * tables and builds its components from them), and compares {@link Schema#syncPairs()} and
 * {@link Schema#flipPairs()}, as dot paths, with the reference. A failure prints the seed and the
 * sources.
 */
class WiringExpansionPropertyTest {

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 12).boxed();
  }

  /** One generated record type: its components and its wiring, as written in the source. */
  private static final class Type {
    final String name;
    final List<String[]> components = new ArrayList<>(); // {name, type, kind: s|b|r|m, target type index}
    final List<List<String>> typeSyncs = new ArrayList<>();
    final List<List<String>> typeFlips = new ArrayList<>();
    final Map<String, List<String>> componentSyncs = new HashMap<>();
    final Map<String, String> componentFlips = new HashMap<>();

    Type(String name) {
      this.name = name;
    }
  }

  /** The random types of one seed, the schema generated for them, and what a failure prints. */
  private record Generated(List<Type> types, Schema schema, String context) {}

  /** Generates the random records of {@code seed}, compiles them with the processor and loads the schema. */
  private static Generated generated(long seed) throws ReflectiveOperationException {
    Random random = new Random(seed);
    List<Type> types = generate(random);
    List<JavaFileObject> sources = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (Type t : types) {
      String code = source(t, types);
      all.append(code).append('\n');
      sources.add(Fixtures.source("gen." + t.name, code));
    }
    Compilation compilation = Fixtures.javac().compile(sources);
    assertThat(compilation).succeeded();
    return new Generated(types, loadSchema(compilation, "gen.T0Schema"), "seed " + seed + ", sources:\n" + all);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void precomputedPairsFollowTheReferenceExpansion(long seed) throws Exception {
    Generated g = generated(seed);
    List<String> expectedSync = new ArrayList<>();
    List<String> expectedFlip = new ArrayList<>();
    expand(g.types(), 0, "", expectedSync, expectedFlip);

    Schema schema = g.schema();
    assertEquals(dedupe(expectedSync), paths(schema, schema.syncPairs()), "sync pairs; " + g.context());
    assertEquals(dedupe(expectedFlip), paths(schema, schema.flipPairs()), "flip pairs; " + g.context());
  }

  /**
   * The sync and flip groups a generated schema carries (computed by the processor) are the ones a
   * schema built by hand from the same tables without groups computes at run time: same groups,
   * same member order, same group order, same flip parities.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void prebuiltGroupsEqualTheGroupsOfAHandBuiltSchema(long seed) throws Exception {
    Generated g = generated(seed);
    Schema generated = g.schema();
    Schema handBuilt = handBuilt(generated);
    String context = g.context();
    assertEquals(rows(handBuilt, handBuilt.syncGroups()), rows(generated, generated.syncGroups()), "sync groups; " + context);
    assertEquals(rows(handBuilt, handBuilt.flipGroups()), rows(generated, generated.flipGroups()), "flip groups; " + context);
    assertEquals(java.util.Arrays.deepToString(handBuilt.flipParities()),
        java.util.Arrays.deepToString(generated.flipParities()), "flip parities; " + context);
  }

  /** A schema with the tables of {@code schema} but no groups, so that it computes its own. */
  private static Schema handBuilt(Schema schema) {
    int n = schema.pathCount();
    String[] names = new String[n];
    int[] parents = new int[n];
    dev.statewire.runtime.PathKind[] kinds = new dev.statewire.runtime.PathKind[n];
    Class<?>[] classes = new Class<?>[n];
    String[] typeNames = new String[n];
    for (int id = 0; id < n; id++) {
      String path = schema.path(id);
      names[id] = path.substring(path.lastIndexOf('.') + 1);
      parents[id] = schema.parent(id);
      kinds[id] = schema.kind(id);
      classes[id] = schema.type(id);
      typeNames[id] = schema.typeName(id);
    }
    dev.statewire.runtime.ValueCodec none = new dev.statewire.runtime.ValueCodec() {
      @Override
      public Object component(int pathId, Object record, int ordinal) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Object construct(int pathId, Object[] components) {
        throw new UnsupportedOperationException();
      }
    };
    return new Schema(schema.rootType(), names, parents, kinds, classes, schema.syncPairs(), schema.flipPairs(),
        schema.aggregations(), none, typeNames);
  }

  /** Groups as rows of dot paths. */
  private static List<String> rows(Schema schema, int[][] groups) {
    List<String> out = new ArrayList<>();
    for (int[] g : groups) {
      out.add(java.util.Arrays.stream(g).mapToObj(schema::path).collect(Collectors.joining(", ")));
    }
    return out;
  }

  // ---- random records ----------------------------------------------------------------------------

  private static List<Type> generate(Random random) {
    int count = 2 + random.nextInt(3);
    List<Type> types = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      types.add(new Type("T" + i));
    }
    for (int i = 0; i < count; i++) {
      Type t = types.get(i);
      int strings = 1 + random.nextInt(3);
      int booleans = random.nextInt(4);
      for (int s = 0; s < strings; s++) {
        t.components.add(new String[] {"s" + s, "String", "s", ""});
      }
      for (int b = 0; b < booleans; b++) {
        t.components.add(new String[] {"b" + b, "boolean", "b", ""});
      }
      // nested records only of later types: no recursion
      for (int j = i + 1; j < count; j++) {
        int occurrences = random.nextInt(3);
        for (int k = 0; k < occurrences; k++) {
          t.components.add(new String[] {"r" + j + "x" + k, "T" + j, "r", String.valueOf(j)});
        }
        if (random.nextInt(3) == 0) {
          t.components.add(new String[] {"m" + j, "Map<String, T" + j + ">", "m", String.valueOf(j)});
        }
      }
      java.util.Collections.shuffle(t.components, random);
    }
    for (int i = 0; i < count; i++) {
      wire(random, types.get(i), types);
    }
    return types;
  }

  /** String paths of a type: its own String components and those of its nested (non-map) records. */
  private static List<String> stringPaths(Type t, List<Type> types) {
    List<String> out = new ArrayList<>();
    for (String[] c : t.components) {
      if (c[2].equals("s")) {
        out.add(c[0]);
      } else if (c[2].equals("r")) {
        for (String[] n : types.get(Integer.parseInt(c[3])).components) {
          if (n[2].equals("s")) {
            out.add(c[0] + "." + n[0]);
          }
        }
      }
    }
    return out;
  }

  /**
   * Sync between String paths (local or one record down); flip between the booleans of the type,
   * each boolean in at most one flip, so that no wiring is an error (contradictions need cycles).
   */
  private static void wire(Random random, Type t, List<Type> types) {
    List<String> strings = stringPaths(t, types);
    List<String> localStrings = t.components.stream().filter(c -> c[2].equals("s")).map(c -> c[0]).collect(Collectors.toList());
    List<String> booleans = t.components.stream().filter(c -> c[2].equals("b")).map(c -> c[0]).collect(Collectors.toList());
    java.util.Collections.shuffle(booleans, random);
    int typeSyncs = strings.size() < 2 ? 0 : random.nextInt(3);
    for (int k = 0; k < typeSyncs; k++) {
      List<String> pool = new ArrayList<>(strings);
      java.util.Collections.shuffle(pool, random);
      t.typeSyncs.add(pool.subList(0, Math.min(pool.size(), 2 + random.nextInt(2))));
    }
    for (String s : localStrings) {
      if (random.nextInt(3) == 0) {
        List<String> pool = new ArrayList<>(strings);
        pool.remove(s);
        java.util.Collections.shuffle(pool, random);
        if (!pool.isEmpty()) {
          t.componentSyncs.put(s, pool.subList(0, Math.min(pool.size(), 1 + random.nextInt(2))));
        }
      }
    }
    for (int k = 0; k + 1 < booleans.size(); k += 2) {
      if (random.nextBoolean()) {
        t.componentFlips.put(booleans.get(k), booleans.get(k + 1));
      } else {
        t.typeFlips.add(List.of(booleans.get(k), booleans.get(k + 1)));
      }
    }
  }

  private static String source(Type t, List<Type> types) {
    StringBuilder sb = new StringBuilder("package gen;\n")
        .append("import dev.statewire.annotations.*;\nimport java.util.*;\n");
    if (t.name.equals("T0")) {
      sb.append("@State\n");
    }
    for (List<String> sync : t.typeSyncs) {
      sb.append("@Sync({").append(quoted(sync)).append("})\n");
    }
    for (List<String> flip : t.typeFlips) {
      sb.append("@Flip({").append(quoted(flip)).append("})\n");
    }
    sb.append("public record ").append(t.name).append("(");
    List<String> parts = new ArrayList<>();
    for (String[] c : t.components) {
      String annotation = "";
      if (t.componentSyncs.containsKey(c[0])) {
        annotation = "@Sync({" + quoted(t.componentSyncs.get(c[0])) + "}) ";
      } else if (t.componentFlips.containsKey(c[0])) {
        annotation = "@Flip(\"" + t.componentFlips.get(c[0]) + "\") ";
      }
      parts.add("\n    " + annotation + c[1] + " " + c[0]);
    }
    return sb.append(String.join(",", parts)).append(") {}\n").toString();
  }

  private static String quoted(List<String> paths) {
    return paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
  }

  // ---- the reference expansion -------------------------------------------------------------------

  /** Appends the pairs of the occurrence of type {@code index} at {@code prefix}, then of the records below. */
  private static void expand(List<Type> types, int index, String prefix, List<String> sync, List<String> flip) {
    Type t = types.get(index);
    for (List<String> chain : t.typeSyncs) {
      for (int i = 1; i < chain.size(); i++) {
        sync.add(prefix + chain.get(i - 1) + " ~ " + prefix + chain.get(i));
      }
    }
    for (List<String> chain : t.typeFlips) {
      for (int i = 1; i < chain.size(); i++) {
        flip.add(prefix + chain.get(i - 1) + " ~ " + prefix + chain.get(i));
      }
    }
    for (String[] c : t.components) {
      for (String target : t.componentSyncs.getOrDefault(c[0], List.of())) {
        sync.add(prefix + c[0] + " ~ " + prefix + target);
      }
      if (t.componentFlips.containsKey(c[0])) {
        flip.add(prefix + c[0] + " ~ " + prefix + t.componentFlips.get(c[0]));
      }
    }
    for (String[] c : t.components) {
      if (c[2].equals("r")) {
        expand(types, Integer.parseInt(c[3]), prefix + c[0] + ".", sync, flip);
      } else if (c[2].equals("m")) {
        expand(types, Integer.parseInt(c[3]), prefix + c[0] + ".*.", sync, flip);
      }
    }
  }

  /** Drops a pair (in either direction) declared again later: an edge declared twice is one edge. */
  private static List<String> dedupe(List<String> pairs) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String p : pairs) {
      String[] ends = p.split(" ~ ");
      if (seen.add(ends[0] + " ~ " + ends[1]) && seen.add(ends[1] + " ~ " + ends[0])) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<String> paths(Schema schema, int[][] pairs) {
    List<String> out = new ArrayList<>();
    for (int[] p : pairs) {
      out.add(schema.path(p[0]) + " ~ " + schema.path(p[1]));
    }
    return out;
  }

  // ---- loading the generated schema -------------------------------------------------------------

  /** Loads {@code name} from the compilation's class files; runtime classes come from the test classpath. */
  private static Schema loadSchema(Compilation compilation, String name) throws ReflectiveOperationException {
    ClassLoader loader = Fixtures.classes(compilation);
    return (Schema) Class.forName(name, true, loader).getField("SCHEMA").get(null);
  }
}
