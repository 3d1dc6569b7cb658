package dev.statewire.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.statewire.processor.model.Kind;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.StateTree;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Names shared by the writers: constants of the paths class, runtime types, view classes. */
final class Names {
  static final String PROCESSOR = "dev.statewire.processor.StateProcessor";
  static final String RUNTIME = "dev.statewire.runtime";
  static final ClassName PATH = ClassName.get(RUNTIME, "Path");
  static final ClassName PATH_KIND = ClassName.get(RUNTIME, "PathKind");
  static final ClassName SCHEMA = ClassName.get(RUNTIME, "Schema");
  static final ClassName VALUE_CODEC = ClassName.get(RUNTIME, "ValueCodec");
  static final ClassName STORE = ClassName.get(RUNTIME, "Store");
  static final ClassName BATCH = ClassName.get(RUNTIME, "Batch");
  static final ClassName CHANGES = ClassName.get(RUNTIME, "Changes");
  static final ClassName WIRING = ClassName.get(RUNTIME, "Wiring");
  static final ClassName LISTENER = ClassName.get(RUNTIME, "Listener");
  static final ClassName REGISTRATION = ClassName.get(RUNTIME, "Registration");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private final StateTree tree;
  private final String[] constants;

  Names(StateModel model) {
    this.tree = model.tree();
    this.constants = new String[tree.nodes().size()];
    // XPaths holds two constants per path, X and X_ID, besides COUNT: a path keeps its name if both
    // are free (in ID order), the others get "_" appended to X until both are (NameScope's rule)
    NameScope scope = new NameScope(Set.of(PATHS_COUNT));
    for (PathNode n : tree.nodes()) {
      String base = baseConstant(n);
      if (scope.isFree(base) && scope.isFree(base + "_ID")) {
        scope.tryClaim(base);
        scope.tryClaim(base + "_ID");
        constants[n.id()] = base;
      }
    }
    for (PathNode n : tree.nodes()) {
      if (constants[n.id()] == null) {
        String c = baseConstant(n);
        while (!scope.isFree(c) || !scope.isFree(c + "_ID")) {
          c += "_";
        }
        scope.tryClaim(c);
        scope.tryClaim(c + "_ID");
        constants[n.id()] = c;
      }
    }
  }

  /** The fixed member of {@code XPaths} besides the path constants: the number of paths. */
  static final String PATHS_COUNT = "COUNT";

  /** {@code ROOT} for the root, else the constant name of the path; {@code PATH_<id>} if that is no identifier. */
  private static String baseConstant(PathNode n) {
    if (n.id() == 0) {
      return "ROOT";
    }
    String c = constantName(n.path());
    return SourceVersion.isIdentifier(c) ? c : "PATH_" + n.id();
  }

  /** {@code shipping.zip} → {@code SHIPPING_ZIP}; {@code items.*.selected} → {@code ITEMS_ANY_SELECTED}. */
  static String constantName(String path) {
    StringBuilder sb = new StringBuilder();
    for (String segment : path.split("\\.")) {
      if (sb.length() > 0) {
        sb.append('_');
      }
      if (segment.equals("*")) {
        sb.append("ANY");
        continue;
      }
      for (int i = 0; i < segment.length(); i++) {
        char ch = segment.charAt(i);
        if (Character.isUpperCase(ch) && i > 0 && !Character.isUpperCase(segment.charAt(i - 1))) {
          sb.append('_');
        }
        sb.append(Character.toUpperCase(ch));
      }
    }
    return sb.toString();
  }

  /** The name of the typed {@code Path} constant for {@code id}. */
  String pathConstant(int id) {
    return constants[id];
  }

  /** The name of the {@code int} constant for {@code id}. */
  String idConstant(int id) {
    return constants[id] + "_ID";
  }

  /**
   * {@code type}, told to write the {@code java.lang} types named {@code shadowed} fully qualified:
   * a type of the state's package with such a name (a record {@code Override}, {@code System} ...)
   * would otherwise hide them, since a package's own types win over {@code java.lang}.
   */
  static TypeSpec.Builder qualifying(TypeSpec.Builder type, Set<String> shadowed) {
    if (!shadowed.isEmpty()) {
      type.alwaysQualify(new java.util.TreeSet<>(shadowed).toArray(new String[0]));
    }
    return type;
  }

  /** {@code @Generated("dev.statewire.processor.StateProcessor")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /** {@code isBuy} → {@code IsBuy}. */
  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code LineItem} → {@code lineItem}. */
  static String decapitalize(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** Whether using {@code type} as a cast target needs an unchecked cast. */
  static boolean isGeneric(TypeName type) {
    return type instanceof ParameterizedTypeName;
  }

  /** A short name for a type, for view class names: {@code LineItem}, {@code String}, {@code LineItemMap}. */
  String shortName(int id) {
    PathNode n = tree.node(id);
    if (n.kind().isContainer()) {
      return shortName(n.templateChild()) + (n.kind() == Kind.MAP ? "Map" : "List");
    }
    return shortName(n.rawType());
  }

  /** {@code Trip.Leg} → {@code TripLeg}, {@code int[]} → {@code IntArray}, {@code Ü[][]} → {@code ÜArrayArray}. */
  private static String shortName(TypeName raw) {
    if (raw instanceof ClassName c) {
      return String.join("", c.simpleNames());
    }
    if (raw instanceof ArrayTypeName a) {
      return shortName(a.componentType()) + "Array";
    }
    if (raw instanceof ParameterizedTypeName p) {
      return shortName(p.rawType());
    }
    return capitalize(raw.withoutAnnotations().toString());
  }

  /** The Java keyword-free, locale-free lower-case name of a kind, for messages. */
  static String kindWord(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Record helper method names in the codec: {@code address}, {@code lineItem}; unique, never a
   * keyword, never the codec's own {@code component} and {@code construct} (NameScope's rule).
   */
  static Map<ClassName, String> helperNames(List<ClassName> records) {
    Set<String> fixed = new HashSet<>(NameScope.OBJECT_METHODS);
    fixed.add("component");
    fixed.add("construct");
    List<String> wanted = new java.util.ArrayList<>();
    for (ClassName c : records) {
      wanted.add(decapitalize(String.join("", c.simpleNames())));
    }
    List<String> names = new NameScope(fixed).claimAll(wanted);
    Map<ClassName, String> out = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      out.put(records.get(i), names.get(i));
    }
    return out;
  }
}
