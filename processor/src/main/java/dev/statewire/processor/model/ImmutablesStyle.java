package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * How Immutables names what it generates for an abstract {@code @State} type annotated
 * {@code @Value.Immutable}: the implementation class ({@code ImmutableTrip}, or what the style's
 * {@code typeAbstract} and {@code typeImmutable} make of the name), the attribute behind each
 * accessor (the style's {@code get} patterns: {@code getName()} is the attribute {@code name}),
 * and the builder that the generated store builds values with ({@code builder()}, one {@code init}
 * setter per attribute, {@code build()}).
 *
 * <p>The style is read the way Immutables reads it: a {@code @Value.Style} on the type, else on
 * the nearest enclosing type, else on the package, each either written there or carried by an
 * annotation that is itself annotated {@code @Value.Style} (a style meta-annotation). Immutables
 * is not a dependency of the processor: its annotations are read by name.
 *
 * @param type the abstract type
 * @param implementation the class Immutables generates
 * @param getPatterns the accessor patterns ({@code "get*"}, {@code "is*"} ...)
 * @param initPattern the builder setter pattern ({@code "*"}, {@code "set*"} ...)
 * @param builder the static method of {@code implementation} that returns a new builder
 * @param build the builder's method that builds the value
 * @param unsupported why the store cannot build values of the type through this style, or null
 */
public record ImmutablesStyle(
    TypeElement type,
    ClassName implementation,
    List<String> getPatterns,
    String initPattern,
    String builder,
    String build,
    String unsupported) {

  static final String VALUE = "org.immutables.value.Value";
  static final String IMMUTABLE = VALUE + ".Immutable";
  static final String STYLE = VALUE + ".Style";
  static final String ENCLOSING = VALUE + ".Enclosing";
  static final String DEFAULT = VALUE + ".Default";

  /** Whether {@code type} is annotated {@code @Value.Immutable}. */
  static boolean isImmutable(TypeElement type) {
    return annotation(type, IMMUTABLE) != null;
  }

  /** The style of {@code type}, which must be annotated {@code @Value.Immutable}. */
  static ImmutablesStyle of(TypeElement type) {
    AnnotationMirror immutable = annotation(type, IMMUTABLE);
    Found found = style(type);
    Map<ExecutableElement, AnnotationValue> style = found == null ? null : withDefaults(found.style);
    List<String> get = style == null ? List.of("get*") : strings(style, "get");
    String init = style == null ? "*" : string(style, "init");
    String builder = style == null ? "builder" : string(style, "builder");
    String build = style == null ? "build" : string(style, "build");
    List<String> typeAbstract = style == null ? List.of("Abstract*") : strings(style, "typeAbstract");
    String typeImmutable = style == null ? "Immutable*" : string(style, "typeImmutable");
    String where = found == null ? "" : " (@Value.Style on " + found.on + ")";

    String base = type.getSimpleName().toString();
    for (String pattern : typeAbstract) {
      String detected = detect(pattern, base, false);
      if (detected != null) {
        base = detected;
        break;
      }
    }
    String simple = apply(typeImmutable, base);
    Element outer = type;
    while (!(outer instanceof PackageElement)) {
      outer = outer.getEnclosingElement();
    }
    String pkg = ((PackageElement) outer).getQualifiedName().toString();

    String unsupported = null;
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (annotation(t, ENCLOSING) != null) {
        unsupported = "it is generated inside the class Immutables makes for @Value.Enclosing "
            + t.getSimpleName() + ", which the generated store does not follow; remove @Value.Enclosing";
      }
    }
    boolean noBuilder = Boolean.FALSE.equals(explicit(immutable, "builder"))
        || (explicit(immutable, "builder") == null && style != null
            && Boolean.FALSE.equals(explicit((AnnotationMirror) value(style, "defaults"), "builder")));
    if (noBuilder) {
      unsupported = "its @Value.Immutable has builder = false" + where + ", and the generated store builds values"
          + " with the builder; remove builder = false";
    } else if (style != null && Boolean.TRUE.equals(value(style, "stagedBuilder"))) {
      unsupported = "its Immutables style sets stagedBuilder = true" + where + ", and the generated store needs the"
          + " plain builder; remove stagedBuilder";
    } else if (style != null && !"*".equals(string(style, "packageGenerated"))) {
      unsupported = "its Immutables style sets packageGenerated = \"" + string(style, "packageGenerated") + "\"" + where
          + ", and the generated store expects the implementation in the type's own package; remove packageGenerated";
    } else if (style != null && "PRIVATE".equals(value(style, "visibility").toString())) {
      unsupported = "its Immutables style sets visibility = PRIVATE" + where + ", which hides the implementation"
          + " that the generated store builds values with; use the default visibility";
    } else if ("new".equals(builder) || builder.isEmpty() || builder.contains("*") || build.isEmpty()
        || build.contains("*") || !init.contains("*")) {
      unsupported = "its Immutables style names the builder methods builder = \"" + builder + "\", build = \""
          + build + "\", init = \"" + init + "\"" + where + ", which the generated store cannot follow (it needs a static"
          + " builder method, a build method and one setter per attribute); use the defaults";
    }
    return new ImmutablesStyle(type, ClassName.get(pkg, simple), get, init, builder, build, unsupported);
  }

  /**
   * Whether Immutables lets the attribute of {@code accessor} hold null: it carries an annotation
   * named {@code Nullable} (any package), on the method or on its return type.
   */
  static boolean isNullable(Element accessor) {
    List<AnnotationMirror> all = new ArrayList<>(accessor.getAnnotationMirrors());
    if (accessor instanceof ExecutableElement m) {
      all.addAll(m.getReturnType().getAnnotationMirrors());
    }
    for (AnnotationMirror a : all) {
      if (a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** The attribute (and path segment) of accessor {@code method}: the first {@code get} pattern that matches. */
  public String attribute(String method) {
    for (String pattern : getPatterns) {
      String detected = detect(pattern, method, true);
      if (detected != null) {
        return detected;
      }
    }
    return method;
  }

  /** The builder setter of {@code attribute}. */
  public String setter(String attribute) {
    return apply(initPattern, attribute);
  }

  /**
   * The name {@code pattern} ({@code prefix*suffix}) finds in {@code identifier}, or null: as
   * Immutables does it, a prefix must be followed by an upper-case letter; an accessor's name
   * then starts lower-case ({@code getName} → {@code name}).
   */
  static String detect(String pattern, String identifier, boolean decapitalize) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return null;
    }
    String prefix = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1);
    if (identifier.length() <= prefix.length() + suffix.length()
        || !identifier.startsWith(prefix) || !identifier.endsWith(suffix)) {
      return null;
    }
    if (!prefix.isEmpty() && !Character.isUpperCase(identifier.charAt(prefix.length()))) {
      return null;
    }
    String found = identifier.substring(prefix.length(), identifier.length() - suffix.length());
    return decapitalize && !prefix.isEmpty() ? Character.toLowerCase(found.charAt(0)) + found.substring(1) : found;
  }

  /** {@code pattern} applied to {@code name}: the name replaces {@code *}, capitalized after a prefix. */
  static String apply(String pattern, String name) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern;
    }
    String prefix = pattern.substring(0, star);
    String body = prefix.isEmpty() || name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return prefix + body + pattern.substring(star + 1);
  }

  private record Found(AnnotationMirror style, String on) {}

  private static Found style(TypeElement type) {
    for (Element e = type; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement || e instanceof PackageElement) {
        Found f = styleOn(e);
        if (f != null) {
          return f;
        }
      }
      if (e instanceof PackageElement) {
        break;
      }
    }
    return null;
  }

  private static Found styleOn(Element e) {
    String on = e instanceof PackageElement p ? "package " + p.getQualifiedName() : e.getSimpleName().toString();
    AnnotationMirror direct = annotation(e, STYLE);
    if (direct != null) {
      return new Found(direct, on);
    }
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      Element meta = m.getAnnotationType().asElement();
      if (meta.getKind() == ElementKind.ANNOTATION_TYPE) {
        AnnotationMirror style = annotation(meta, STYLE);
        if (style != null) {
          return new Found(style, on + ", through @" + meta.getSimpleName());
        }
      }
    }
    return null;
  }

  /** The values of {@code mirror}, with the annotation type's defaults for those not given. */
  private static Map<ExecutableElement, AnnotationValue> withDefaults(AnnotationMirror mirror) {
    Map<ExecutableElement, AnnotationValue> out = new java.util.LinkedHashMap<>();
    for (ExecutableElement m : ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (m.getDefaultValue() != null) {
        out.put(m, m.getDefaultValue());
      }
    }
    out.putAll(mirror.getElementValues());
    return out;
  }

  static AnnotationMirror annotation(Element e, String name) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        return m;
      }
    }
    return null;
  }

  /** The explicitly given value of {@code name} in {@code mirror}, or null. */
  private static Object explicit(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  private static Object value(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    throw new IllegalStateException("@Value.Style has no " + name);
  }

  private static String string(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    return (String) value(values, name);
  }

  private static List<String> strings(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    List<String> out = new ArrayList<>();
    for (Object v : (List<?>) value(values, name)) {
      out.add((String) ((AnnotationValue) v).getValue());
    }
    return out;
  }
}
