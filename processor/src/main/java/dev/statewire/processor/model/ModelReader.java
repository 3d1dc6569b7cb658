package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.diag.Message;
import dev.statewire.processor.diag.Reporter;
import dev.statewire.processor.diag.Site;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @State} record or abstract value type into a {@link StateTree} and the wiring {@link Declaration}s of
 * every record type in it. Reports structural errors (unsupported types, recursion) itself; the
 * wiring is checked later by the validator.
 */
public final class ModelReader {
  static final String ANNOTATIONS = "dev.statewire.annotations";

  static final String STATE = ANNOTATIONS + ".State";

  private final Reporter reporter;
  private final ValueTypes values;
  private final MutableTypes mutable;
  private boolean malformed;

  /** A reader that reports through {@code reporter}; {@code types} resolves inherited accessors. */
  public ModelReader(Reporter reporter, Types types) {
    this.reporter = reporter;
    this.values = new ValueTypes(types);
    this.mutable = new MutableTypes(types);
  }

  /** The outcome of reading one root. */
  public sealed interface Result {}

  /** The tree and the declarations, per value type in order of first occurrence. */
  public record Read(StateTree tree, Map<ClassName, List<Declaration>> declarations) implements Result {}

  /** The root refers to a type that does not exist yet (maybe generated in a later round). */
  public record Deferred(String missingType) implements Result {}

  /** Errors were reported. */
  public record Failed() implements Result {}

  /** Reads {@code root}; {@code stateSite} is its {@code @State} annotation. */
  public Result read(TypeElement root, Site stateSite) {
    Walk walk = new Walk(root);
    if (!checkRoot(root, stateSite)) {
      return new Failed();
    }
    walk.addRecord("", "", -1, root.asType(), -1, false);
    if (walk.missing != null) {
      // the next round reads the root again and warns then
      return new Deferred(walk.missing);
    }
    walk.warnings.forEach(Runnable::run);
    if (walk.failed) {
      return new Failed();
    }
    Map<ClassName, List<Declaration>> declarations = new LinkedHashMap<>();
    malformed = false;
    for (Map.Entry<ClassName, TypeElement> e : walk.recordElements.entrySet()) {
      declarations.put(e.getKey(), readDeclarations(e.getKey(), e.getValue()));
    }
    if (malformed) {
      return new Failed();
    }
    return new Read(walk.freeze(), declarations);
  }

  // ---- root and component checks -------------------------------------------------------------

  private boolean checkRoot(TypeElement root, Site site) {
    String name = display(root);
    String reason = values.unsupportedReason(root);
    if (reason != null) {
      reporter.report(site, Message.UNSUPPORTED_TYPE, name, reason);
      return false;
    }
    for (Element e = root; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.report(
            site, Message.UNSUPPORTED_TYPE, name, display((TypeElement) e) + " is private; the generated store in the same package must be able to use it");
        return false;
      }
      if (e.getEnclosingElement() != null
          && e.getEnclosingElement().getKind() != ElementKind.PACKAGE
          && !(e.getEnclosingElement() instanceof TypeElement)) {
        reporter.report(site, Message.UNSUPPORTED_TYPE, name, "it is a local type; declare it at the top level or as a member type");
        return false;
      }
    }
    return true;
  }

  /** Simple names joined by dots: {@code Outer.Inner}. */
  static String display(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  // ---- the walk that numbers paths -----------------------------------------------------------

  /** Mutable state of one walk over the tree; frozen into a {@link StateTree}. */
  private final class Walk {
    final TypeElement root;
    final List<Builder> nodes = new ArrayList<>();
    final Map<ClassName, TypeElement> recordElements = new LinkedHashMap<>();
    final Map<ClassName, RecordShape> shapes = new LinkedHashMap<>();
    final Deque<TypeElement> stack = new ArrayDeque<>();
    final Deque<Boolean> stackTemplate = new ArrayDeque<>();
    final Deque<String> componentStack = new ArrayDeque<>();
    String missing;
    boolean failed;
    /** Warnings found on the way, reported once the walk is not deferred to a later round. */
    final List<Runnable> warnings = new ArrayList<>();

    Walk(TypeElement root) {
      this.root = root;
    }

    /** Adds a record path and its subtree. {@code where} is the component element for messages. */
    int addRecord(String name, String path, int parent, TypeMirror type, int ordinal, boolean template) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      ClassName className = ClassName.get(element);
      int id = add(name, path, parent, Kind.RECORD, TypeName.get(type), className, template, ordinal);
      stack.push(element);
      stackTemplate.push(template);
      recordElements.putIfAbsent(className, element);
      List<RecordShape.Component> components = new ArrayList<>();
      ImmutablesStyle style = ValueTypes.style(element);
      int i = 0;
      for (ValueTypes.Accessor c : values.accessors(element)) {
        String childName = c.name();
        String childPath = path.isEmpty() ? childName : path + "." + childName;
        componentStack.push(display(element) + "." + childName);
        int childId = addValue(c.annotated(), childName, childPath, id, c.type(), i, template);
        componentStack.pop();
        if (childId < 0) {
          stack.pop();
          stackTemplate.pop();
          return id;
        }
        components.add(new RecordShape.Component(childName, nodes.get(childId).type, nodes.get(childId).kind, childId - id,
            c.method(), style == null ? null : style.setter(childName), style == null || ImmutablesStyle.isNullable(c.annotated())));
        i++;
      }
      stack.pop();
      stackTemplate.pop();
      nodes.get(id).size = nodes.size() - id;
      RecordShape.Form form =
          element.getKind() == ElementKind.RECORD ? RecordShape.Form.RECORD
              : element.getKind() == ElementKind.INTERFACE ? RecordShape.Form.INTERFACE
              : RecordShape.Form.ABSTRACT_CLASS;
      shapes.putIfAbsent(className, new RecordShape(className, form, List.copyOf(components), nodes.size() - id,
          style == null ? className : style.implementation(), style == null ? null : style.builder(),
          style == null ? null : style.build()));
      return id;
    }

    /**
     * Adds the path of a component or an entry template and its subtree; returns its ID, or -1
     * when the walk must stop (an error was reported, or a type is missing).
     */
    int addValue(Element where, String name, String path, int parent, TypeMirror type, int ordinal, boolean template) {
      if (missing != null || failed) {
        return -1;
      }
      if (type.getKind() == TypeKind.ERROR) {
        missing = type.toString();
        return -1;
      }
      if (type.getKind().isPrimitive()) {
        TypeName t = TypeName.get(type);
        return add(name, path, parent, primitiveKind(type.getKind()), t, t, template, ordinal);
      }
      if (type.getKind() == TypeKind.ARRAY) {
        TypeName t = TypeName.get(type);
        checkMutable(where, parent, name, type);
        return add(name, path, parent, Kind.OBJECT, t, t, template, ordinal);
      }
      if (type.getKind() != TypeKind.DECLARED) {
        return unsupported(where, type, "a type variable or wildcard has no fixed shape; use a concrete type");
      }
      DeclaredType declared = (DeclaredType) type;
      for (TypeMirror arg : declared.getTypeArguments()) {
        if (arg.getKind() == TypeKind.ERROR) {
          missing = arg.toString();
          return -1;
        }
      }
      TypeElement element = (TypeElement) declared.asElement();
      String qualified = element.getQualifiedName().toString();
      TypeName typeName = TypeName.get(type);
      ClassName raw = ClassName.get(element);
      if (element.getKind() == ElementKind.RECORD) {
        if (!element.getTypeParameters().isEmpty()) {
          return unsupported(where, type, "record " + display(element) + " is generic; a record in a state tree must be concrete");
        }
        if (element.getModifiers().contains(Modifier.PRIVATE)) {
          return unsupported(where, type, "record " + display(element) + " is private; the generated code must be able to construct it");
        }
        if (stack.contains(element)) {
          recursive(where, element, template && !templateAt(element));
          return -1;
        }
        return addRecord(name, path, parent, type, ordinal, template);
      }
      if (ValueTypes.isAbstract(element) && hasState(element)) {
        String reason = values.unsupportedReason(element);
        if (reason != null) {
          return unsupported(where, type, display(element) + " cannot be a value type: " + reason);
        }
        if (element.getModifiers().contains(Modifier.PRIVATE)) {
          return unsupported(where, type, display(element) + " is private; the generated code must be able to implement it");
        }
        if (stack.contains(element)) {
          recursive(where, element, template && !templateAt(element));
          return -1;
        }
        return addRecord(name, path, parent, type, ordinal, template);
      }
      if (element.getKind() == ElementKind.ENUM) {
        return add(name, path, parent, Kind.ENUM, typeName, raw, template, ordinal);
      }
      switch (qualified) {
        case "java.lang.String":
          return add(name, path, parent, Kind.STRING, typeName, raw, template, ordinal);
        case "java.lang.Boolean":
          return add(name, path, parent, Kind.BOOLEAN, typeName, raw, template, ordinal);
        case "java.lang.Byte":
          return add(name, path, parent, Kind.BYTE, typeName, raw, template, ordinal);
        case "java.lang.Short":
          return add(name, path, parent, Kind.SHORT, typeName, raw, template, ordinal);
        case "java.lang.Character":
          return add(name, path, parent, Kind.CHAR, typeName, raw, template, ordinal);
        case "java.lang.Integer":
          return add(name, path, parent, Kind.INT, typeName, raw, template, ordinal);
        case "java.lang.Long":
          return add(name, path, parent, Kind.LONG, typeName, raw, template, ordinal);
        case "java.lang.Float":
          return add(name, path, parent, Kind.FLOAT, typeName, raw, template, ordinal);
        case "java.lang.Double":
          return add(name, path, parent, Kind.DOUBLE, typeName, raw, template, ordinal);
        case "java.util.Map":
          return addContainer(where, name, path, parent, declared, Kind.MAP, ordinal, template);
        case "java.util.List":
          return addContainer(where, name, path, parent, declared, Kind.LIST, ordinal, template);
        default:
          checkMutable(where, parent, name, type);
          return add(name, path, parent, Kind.OBJECT, typeName, raw, template, ordinal);
      }
    }

    /**
     * Warns about a value of a known mutable type (issue 12, F9) on the component {@code where}: the
     * component's own value, or ({@code name} is {@code *}) the entries of its map or list.
     */
    void checkMutable(Element where, int parent, String name, TypeMirror type) {
      String advice = mutable.advice(type);
      if (advice == null) {
        return;
      }
      String value = TypeNames.qualified(TypeName.get(type));
      Site site = site(where);
      String component = where.getSimpleName().toString();
      if (!name.equals("*")) {
        warnings.add(() -> reporter.report(site, Message.MUTABLE_VALUE, component, value, advice));
        return;
      }
      Builder container = nodes.get(parent);
      while (container.name.equals("*")) {
        container = nodes.get(container.parent);
      }
      String declared = TypeNames.qualified(container.type);
      warnings.add(() -> reporter.report(site, Message.MUTABLE_ENTRIES, component, declared, value, advice));
    }

    int addContainer(Element where, String name, String path, int parent, DeclaredType type, Kind kind, int ordinal, boolean template) {
      List<? extends TypeMirror> args = type.getTypeArguments();
      TypeMirror entry;
      if (kind == Kind.MAP) {
        if (args.size() != 2) {
          return unsupported(where, type, "a raw Map has no entry type; use Map<String, R>");
        }
        if (args.get(0).getKind() != TypeKind.DECLARED
            || !((TypeElement) ((DeclaredType) args.get(0)).asElement()).getQualifiedName().contentEquals("java.lang.String")) {
          return unsupported(where, type, "map keys are path segments, so they must be String; use Map<String, "
              + TypeNames.display(TypeName.get(args.get(1))) + ">");
        }
        entry = args.get(1);
      } else {
        if (args.size() != 1) {
          return unsupported(where, type, "a raw List has no entry type; use List<R>");
        }
        entry = args.get(0);
      }
      if (entry.getKind() == TypeKind.WILDCARD) {
        return unsupported(where, type, "a wildcard entry type has no fixed shape; name the entry type exactly");
      }
      ClassName raw = ClassName.get(kind == Kind.MAP ? "java.util" : "java.util", kind == Kind.MAP ? "Map" : "List");
      int id = add(name, path, parent, kind, TypeName.get(type), raw, template, ordinal);
      int entryId = addValue(where, "*", path + ".*", id, entry, -1, true);
      if (entryId < 0) {
        return -1;
      }
      nodes.get(id).size = nodes.size() - id;
      return id;
    }

    int add(String name, String path, int parent, Kind kind, TypeName type, TypeName raw, boolean template, int ordinal) {
      Builder b = new Builder();
      b.id = nodes.size();
      b.name = name;
      b.path = path;
      b.parent = parent;
      b.kind = kind;
      b.type = type;
      b.raw = raw;
      b.template = template || name.equals("*");
      b.ordinal = ordinal;
      b.size = 1;
      nodes.add(b);
      if (parent >= 0) {
        nodes.get(parent).children.add(b.id);
      }
      return b.id;
    }

    int unsupported(Element where, TypeMirror type, String reason) {
      reporter.report(
          site(where), Message.UNSUPPORTED_COMPONENT, where.getSimpleName(), TypeNames.display(TypeName.get(type)), reason);
      failed = true;
      return -1;
    }

    void recursive(Element where, TypeElement element, boolean throughContainer) {
      List<String> chain = new ArrayList<>(componentStack);
      java.util.Collections.reverse(chain);
      // keep the chain from the first component of the repeated record on
      int start = 0;
      for (int i = 0; i < chain.size(); i++) {
        if (chain.get(i).startsWith(display(element) + ".")) {
          start = i;
          break;
        }
      }
      String what = element.getKind() == ElementKind.RECORD ? "record" : "value type";
      String hint =
          throughContainer
              ? "statewire describes each entry type of a Map or List once, as a fixed template, so a"
                  + " " + what + " cannot contain itself even through a dynamic container yet"
              : "a " + what + " that contains itself without a Map or List in between would be"
                  + " infinite; make the nested occurrence an entry of a Map or List, or break the cycle";
      reporter.report(
          site(where),
          Message.RECURSIVE_TYPE,
          what,
          display(element),
          String.join(" -> ", chain.subList(start, chain.size())),
          hint);
      failed = true;
    }

    /** Whether the outermost occurrence of {@code element} on the stack is inside a template. */
    boolean templateAt(TypeElement element) {
      List<TypeElement> types = new ArrayList<>(stack);
      List<Boolean> flags = new ArrayList<>(stackTemplate);
      return flags.get(types.lastIndexOf(element));
    }

    StateTree freeze() {
      List<PathNode> out = new ArrayList<>(nodes.size());
      for (Builder b : nodes) {
        out.add(new PathNode(b.id, b.name, b.path, b.parent, b.kind, b.type, b.raw, b.template, b.ordinal, List.copyOf(b.children), b.size));
      }
      return new StateTree(ClassName.get(root), List.copyOf(out), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shapes)));
    }
  }

  private static final class Builder {
    int id;
    String name;
    String path;
    int parent;
    Kind kind;
    TypeName type;
    TypeName raw;
    boolean template;
    int ordinal;
    int size;
    final List<Integer> children = new ArrayList<>();
  }

  private static Kind primitiveKind(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return Kind.BOOLEAN;
      case BYTE:
        return Kind.BYTE;
      case SHORT:
        return Kind.SHORT;
      case CHAR:
        return Kind.CHAR;
      case INT:
        return Kind.INT;
      case LONG:
        return Kind.LONG;
      case FLOAT:
        return Kind.FLOAT;
      case DOUBLE:
        return Kind.DOUBLE;
      default:
        throw new IllegalArgumentException("not a primitive: " + kind);
    }
  }

  // ---- declarations --------------------------------------------------------------------------

  private List<Declaration> readDeclarations(ClassName type, TypeElement element) {
    List<Declaration> out = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      Declaration.Annotation annotation = wiringAnnotation(name);
      if (annotation != null) {
        add(out, declaration(annotation, type, null, element, element, mirror, 0));
      } else if (name.endsWith(".List") && wiringAnnotation(name.substring(0, name.length() - 5)) != null) {
        Declaration.Annotation repeated = wiringAnnotation(name.substring(0, name.length() - 5));
        int occurrence = 0;
        for (AnnotationValue v : arrayValue(mirror, "value")) {
          add(out, declaration(repeated, type, null, element, element, (AnnotationMirror) v.getValue(), occurrence++));
        }
      }
    }
    for (ValueTypes.Accessor c : values.accessors(element)) {
      for (AnnotationMirror mirror : c.annotated().getAnnotationMirrors()) {
        Declaration.Annotation annotation = wiringAnnotation(annotationName(mirror));
        if (annotation != null) {
          add(out, declaration(annotation, type, c.name(), c.annotated(), c.declaration(), mirror, 0));
        }
      }
    }
    return List.copyOf(out);
  }

  private Declaration declaration(
      Declaration.Annotation annotation,
      ClassName type,
      String component,
      Element element,
      Element declaration,
      AnnotationMirror mirror,
      int occurrence) {
    String description =
        "@" + annotation.simpleName() + " on " + String.join(".", type.simpleNames()) + (component == null ? "" : "." + component);
    Site site = new Site(declaration, mirror, null, suppressions(element), description,
        new Site.Locator(declaration, annotation.simpleName(), occurrence, null, 0));
    List<Declaration.PathRef> paths = new ArrayList<>();
    String pathsMember = annotation == Declaration.Annotation.AGGREGATE && component == null ? "sources" : "value";
    List<? extends AnnotationValue> values = arrayValue(mirror, pathsMember);
    for (int i = 0; i < values.size(); i++) {
      AnnotationValue v = values.get(i);
      paths.add(new Declaration.PathRef(String.valueOf(v.getValue()), site.at(pathsMember, i, v)));
    }
    Declaration.PathRef target = null;
    String name = annotation.simpleName();
    if (annotation == Declaration.Annotation.AGGREGATE) {
      AnnotationValue t = value(mirror, "target");
      if (component != null) {
        if (t != null || value(mirror, "sources") != null) {
          String member = t != null ? "target" : "sources";
          return malformed(site.at(member, 0, value(mirror, member)), name, "on a record component makes the component the target and takes"
              + " the sources in value(): @Aggregate(\"items.*.selected\"); target and sources are for the"
              + " type-level form");
        }
      } else {
        if (value(mirror, "value") != null) {
          return malformed(site.at("value", 0, value(mirror, "value")), name, "on a type takes target and sources:"
              + " @Aggregate(target = \"t\", sources = {\"a\", \"b\"}); value() is for the component form");
        }
        if (t == null || String.valueOf(t.getValue()).isEmpty()) {
          return malformed(t == null ? site : site.at("target", 0, t), name, "on a type needs a target: @Aggregate(target = \"t\","
              + " sources = {\"a\", \"b\"})");
        }
        target = new Declaration.PathRef(String.valueOf(t.getValue()), site.at("target", 0, t));
      }
      if (paths.isEmpty()) {
        return malformed(site, name, "lists no sources; an aggregation needs at least one source path");
      }
    } else if (component == null && paths.size() < 2) {
      return malformed(paths.isEmpty() ? site : paths.get(0).site(), name, "on a type needs at least two paths to"
          + " pair: @" + name + "({\"a\", \"b\"})");
    } else if (paths.isEmpty()) {
      return malformed(site, name, "lists no paths; name the path to pair the component with");
    }
    return new Declaration(annotation, type, component, target, List.copyOf(paths), site);
  }

  private void add(List<Declaration> out, Declaration d) {
    if (d != null) {
      out.add(d);
    }
  }

  private Declaration malformed(Site site, String annotation, String rule) {
    reporter.report(site, Message.MALFORMED, annotation, rule);
    malformed = true;
    return null;
  }

  /** Whether {@code type} carries {@code @State} (kept in class files, so also for a library type). */
  static boolean hasState(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (annotationName(m).equals(STATE)) {
        return true;
      }
    }
    return false;
  }

  private static String annotationName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static Declaration.Annotation wiringAnnotation(String qualifiedName) {
    switch (qualifiedName) {
      case ANNOTATIONS + ".Sync":
        return Declaration.Annotation.SYNC;
      case ANNOTATIONS + ".Flip":
        return Declaration.Annotation.FLIP;
      case ANNOTATIONS + ".Aggregate":
        return Declaration.Annotation.AGGREGATE;
      default:
        return null;
    }
  }

  private static AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static List<? extends AnnotationValue> arrayValue(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    if (v == null) {
      return List.of();
    }
    Object o = v.getValue();
    if (o instanceof List<?> list) {
      List<AnnotationValue> out = new ArrayList<>();
      for (Object item : list) {
        out.add((AnnotationValue) item);
      }
      return out;
    }
    return List.of(v);
  }

  /**
   * The statewire tags silenced at {@code element}: {@code @SuppressWarnings("statewire:<tag>")}
   * on it, on the field and accessor a record component propagates to (where {@code
   * SuppressWarnings} lands, as it cannot target a record component), and on enclosing types.
   */
  static Set<String> suppressions(Element element) {
    Set<String> tags = new HashSet<>();
    List<Element> places = new ArrayList<>();
    places.add(element);
    if (element instanceof RecordComponentElement c) {
      TypeElement record = (TypeElement) c.getEnclosingElement();
      for (VariableElement f : ElementFilter.fieldsIn(record.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(c.getSimpleName())) {
          places.add(f);
        }
      }
      if (c.getAccessor() != null) {
        places.add(c.getAccessor());
      }
    }
    for (Element e = element.getEnclosingElement(); e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      places.add(e);
    }
    for (Element place : places) {
      SuppressWarnings sw = place.getAnnotation(SuppressWarnings.class);
      if (sw != null) {
        for (String s : sw.value()) {
          if (s.startsWith("statewire:")) {
            tags.add(s.substring("statewire:".length()));
          }
        }
      }
    }
    return Set.copyOf(tags);
  }

  /** The site of a component (or the root, for an entry type), for messages without an annotation. */
  private Site site(Element where) {
    Element declaration = where instanceof RecordComponentElement c ? fieldOf(c) : where;
    return new Site(declaration, null, null, suppressions(where), where.getSimpleName().toString(),
        new Site.Locator(declaration, null, 0, null, 0));
  }

  /**
   * The private field of a record component: javac places messages on it (at the component's
   * declaration), not on the component itself.
   */
  static Element fieldOf(RecordComponentElement component) {
    return ValueTypes.fieldOf(component);
  }
}
