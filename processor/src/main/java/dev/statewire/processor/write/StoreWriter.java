package dev.statewire.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.model.Kind;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.StateTree;
import dev.statewire.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XStore}: a typed facade over {@code dev.statewire.runtime.Store} that mirrors the
 * record tree. Each record type gets a small nested view class (the store and a path ID) for
 * immediate writes and a writes class for batches; children of a record are at the record's ID
 * plus a fixed offset, for static records and for map and list entries alike. Each map or list
 * shape gets a view and a writes class too.
 */
public final class StoreWriter {
  /**
   * The members of each generated class that a component's methods must not take: its no-argument
   * methods (which getters, a view's path handles and batch navigation methods would clash with)
   * and its one-argument methods (setters). Nested classes also call the store's {@code orNull}
   * without a qualifier, so no view may declare a method of that name.
   */
  private enum Members {
    STORE(Set.of("create", "store", "snapshot", "replace", "get", "set", "batch", "listen", "listenAll", "subscribe", "wiring", "orNull"),
        Set.of("create", "replace", "get", "listenAll", "subscribe", "orNull")),
    BATCH(Set.of("tag", "set", "replace", "size", "apply"), Set.of("tag", "replace")),
    VIEW(Set.of("pathId", "path", "snapshot", "replace", "orNull", "liveId"), Set.of("replace", "orNull")),
    WRITES(Set.of("replace", "done"), Set.of("replace"));

    final Set<String> noArgument;
    final Set<String> oneArgument;

    Members(Set<String> noArgument, Set<String> oneArgument) {
      Set<String> none = new HashSet<>(noArgument);
      // every method of Object but equals: a getter equals() overloads equals(Object) harmlessly
      NameScope.OBJECT_METHODS.stream().filter(m -> !m.equals("equals")).forEach(none::add);
      Set<String> one = new HashSet<>(oneArgument);
      one.add("equals");
      one.add("wait");
      this.noArgument = Set.copyOf(none);
      this.oneArgument = Set.copyOf(one);
    }
  }

  /**
   * The methods of a record's components in one generated class: a getter (a navigation method in
   * a batch class) and a setter each, named by {@link NameScope}'s rule; {@code null} where the
   * class has no such method (leaves have no navigation method in a batch). A record view also
   * has a path handle per component ({@code qtyPath()}), {@code null} elsewhere: a no-argument
   * method too, named after the getters so that no getter's name depends on it.
   */
  private record ComponentMethods(List<String> getters, List<String> setters, List<String> handles) {
    static ComponentMethods of(RecordShape shape, Members members, boolean nodesOnly) {
      return of(shape, members, nodesOnly, false);
    }

    static ComponentMethods of(RecordShape shape, Members members, boolean nodesOnly, boolean withHandles) {
      List<String> wantedGetters = new ArrayList<>();
      List<Integer> getterIndex = new ArrayList<>();
      List<String> wantedSetters = new ArrayList<>();
      for (int i = 0; i < shape.components().size(); i++) {
        RecordShape.Component c = shape.components().get(i);
        if (!nodesOnly || c.kind().isNode()) {
          wantedGetters.add(c.name());
          getterIndex.add(i);
        }
        wantedSetters.add("set" + Names.capitalize(c.name()));
      }
      NameScope noArgument = new NameScope(members.noArgument);
      List<String> claimed = noArgument.claimAll(wantedGetters);
      List<String> getters = new ArrayList<>(java.util.Collections.nCopies(shape.components().size(), (String) null));
      for (int k = 0; k < claimed.size(); k++) {
        getters.set(getterIndex.get(k), claimed.get(k));
      }
      List<String> handles = null;
      if (withHandles) {
        handles = noArgument.claimAll(
            shape.components().stream().map(c -> c.name() + "Path").collect(java.util.stream.Collectors.toList()));
      }
      return new ComponentMethods(getters, new NameScope(members.oneArgument).claimAll(wantedSetters), handles);
    }
  }

  private final boolean generatedAnnotation;
  private final Set<String> shadowed;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public StoreWriter(boolean generatedAnnotation) {
    this(generatedAnnotation, Set.of());
  }

  /**
   * A writer whose classes always qualify the {@code java.lang} types named {@code shadowed}:
   * the simple names of types in the state's package that hide them.
   */
  public StoreWriter(boolean generatedAnnotation, Set<String> shadowed) {
    this.generatedAnnotation = generatedAnnotation;
    this.shadowed = Set.copyOf(shadowed);
  }

  /** The {@code XStore} source for {@code model}. */
  public JavaFile write(StateModel model) {
    return new Run(model).write();
  }

  /** One run over one model: collects the nested classes as they are needed. */
  private final class Run {
    final StateModel model;
    final StateTree tree;
    final Names names;
    final ClassName self;
    final ClassName paths;
    final ClassName schema;
    /** The nested view and writes classes by suffix and type, in the order they were named. */
    final Map<String, TypeSpec> nested = new LinkedHashMap<>();
    final Map<String, ClassName> nestedNames = new HashMap<>();
    final NameScope nestedScope;
    /** The offset constants of each record type, in component order. */
    final Map<ClassName, List<String>> offsets = new HashMap<>();

    Run(StateModel model) {
      this.model = model;
      this.tree = model.tree();
      this.names = new Names(model);
      this.self = model.generated("Store");
      this.paths = model.generated("Paths");
      this.schema = model.generated("Schema");
      this.nestedScope = new NameScope(Set.of("TypedBatch", self.simpleName()));
    }

    JavaFile write() {
      ClassName root = model.root();
      TypeSpec.Builder type =
          TypeSpec.classBuilder(self)
              .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
              .addJavadoc(
                  "A typed store of {@link $T}: getters and setters that mirror the record tree, over a"
                      + " {@link $T} built from {@link $T#SCHEMA}.\n\n"
                      + "<p>Each setter is a batch of one and returns the changes it applied; {@link #batch()}"
                      + " collects several writes into one pipeline run. Like the underlying store, it is"
                      + " single-writer.\n",
                  root, Names.STORE, schema);
      if (generatedAnnotation) {
        type.addAnnotation(Names.generated());
      }
      type.addField(Names.STORE, "store", Modifier.PRIVATE, Modifier.FINAL);
      type.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PRIVATE)
              .addParameter(Names.STORE, "store")
              .addStatement("this.store = store")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("create")
              .addJavadoc(
                  "Creates a store holding {@code initial}, with the static wiring of {@link $T} in place"
                      + " (PIPELINE.md §4: sync edges and their alignment, flip edges, aggregation targets read).\n",
                  root)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(self)
              .addParameter(root, "initial")
              .addStatement("return new $T($T.create($T.SCHEMA, initial))", self, Names.STORE, schema)
              .build());
      type.addMethod(simple("store", Names.STORE, "The untyped store underneath, for path IDs and dot paths.", "return store"));
      type.addMethod(simple("snapshot", root, "The whole state as a {@link " + root.simpleName() + "}; immutable and safe to share.",
          CodeBlock.of("return ($T) store.snapshot()", root)));
      type.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Replaces the whole state (a parent write of the root); returns the applied changes.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.CHANGES)
              .addParameter(root, "value")
              .addStatement("return store.set($T.$L, value)", paths, names.idConstant(0))
              .build());
      TypeVariableName t = TypeVariableName.get("T");
      type.addMethod(
          MethodSpec.methodBuilder("get")
              .addJavadoc("The value at a typed path (a constant of {@link $T}, or a handle on an entry).\n", paths)
              .addModifiers(Modifier.PUBLIC)
              .addTypeVariable(t)
              .returns(t)
              .addParameter(ParameterizedTypeName.get(Names.PATH, t), "path")
              .addStatement("return store.get(path)")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("set")
              .addJavadoc("Writes {@code value} to a typed path (a batch of one); returns the applied changes.\n")
              .addModifiers(Modifier.PUBLIC)
              .addTypeVariable(t)
              .returns(Names.CHANGES)
              .addParameter(ParameterizedTypeName.get(Names.PATH, t), "path")
              .addParameter(t, "value")
              .addStatement("return store.set(path, value)")
              .build());
      ClassName typedBatch = self.nestedClass("TypedBatch");
      type.addMethod(
          MethodSpec.methodBuilder("batch")
              .addJavadoc("Starts a batch: collect writes with its setters, then {@link TypedBatch#apply()} runs them"
                  + " as one pipeline run.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(typedBatch)
              .addStatement("return new $T(store, store.batch())", typedBatch)
              .build());
      ParameterizedTypeName anyPath = ParameterizedTypeName.get(Names.PATH, WildcardTypeName.subtypeOf(Object.class));
      type.addMethod(
          MethodSpec.methodBuilder("listen")
              .addJavadoc("Calls {@code listener} for the changes at, below or above {@code path} (PIPELINE.md §5).\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.REGISTRATION)
              .addParameter(anyPath, "path")
              .addParameter(Names.LISTENER, "listener")
              .addStatement("return store.listen(path, listener)")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("listen")
              .addJavadoc("As {@link #listen(Path, Listener)}, with the pre-batch value at {@code scope} (the path or"
                  + " one of its ancestors).\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.REGISTRATION)
              .addParameter(anyPath, "path")
              .addParameter(anyPath, "scope")
              .addParameter(Names.LISTENER, "listener")
              .addStatement("return store.listen(path, scope, listener)")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("listenAll")
              .addJavadoc("Calls {@code listener} for every change (a root listener).\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.REGISTRATION)
              .addParameter(Names.LISTENER, "listener")
              .addStatement("return store.listenAll(listener)")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("subscribe")
              .addJavadoc("Calls {@code subscriber} after every batch that applied something.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.REGISTRATION)
              .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), Names.CHANGES), "subscriber")
              .addStatement("return store.subscribe(subscriber)")
              .build());
      type.addMethod(simple("wiring", Names.WIRING,
          "Runtime sync, flip and aggregation wiring, typed by the constants of {@link " + paths.simpleName() + "}.",
          "return store.wiring()"));

      RecordShape rootShape = tree.recordAt(0);
      ComponentMethods methods = ComponentMethods.of(rootShape, Members.STORE, false);
      for (int i = 0; i < rootShape.components().size(); i++) {
        RecordShape.Component c = rootShape.components().get(i);
        int id = c.offset();
        addViewMethods(type, c, id, CodeBlock.of("$T.$L", paths, names.idConstant(id)), methods, i);
      }
      type.addMethod(
          MethodSpec.methodBuilder("toString")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(String.class)
              .addStatement("return $S + store.snapshot() + $S", self.simpleName() + "[", "]")
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("orNull")
              .addJavadoc("A reference value read from the store; absent (below a null node) reads as null.\n")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(Object.class)
              .addParameter(Object.class, "value")
              .addStatement("return value == $T.ABSENT ? null : value", Names.STORE)
              .build());
      type.addType(typedBatch(typedBatch, rootShape));
      for (TypeSpec spec : nested.values()) {
        type.addType(spec);
      }
      return JavaFile.builder(self.packageName(), Names.qualifying(type, shadowed).build()).skipJavaLangImports(true).indent("  ").build();
    }

    // ---- the root batch --------------------------------------------------------------------------

    TypeSpec typedBatch(ClassName typedBatch, RecordShape rootShape) {
      ClassName root = model.root();
      TypeSpec.Builder b =
          TypeSpec.classBuilder(typedBatch)
              .addJavadoc("Writes collected into one batch of a {@link $T}; nothing happens until {@link #apply()}.\n", self)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
      b.addField(Names.STORE, "store", Modifier.PRIVATE, Modifier.FINAL);
      b.addField(Names.BATCH, "batch", Modifier.PRIVATE, Modifier.FINAL);
      b.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PRIVATE)
              .addParameter(Names.STORE, "store")
              .addParameter(Names.BATCH, "batch")
              .addStatement("this.store = store")
              .addStatement("this.batch = batch")
              .build());
      b.addMethod(
          MethodSpec.methodBuilder("tag")
              .addJavadoc("Tags every change of this batch, and every change derived from it, with {@code tag}.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(typedBatch)
              .addParameter(Object.class, "tag")
              .addStatement("batch.tag(tag)")
              .addStatement("return this")
              .build());
      TypeVariableName t = TypeVariableName.get("T");
      b.addMethod(
          MethodSpec.methodBuilder("set")
              .addJavadoc("Adds a write of {@code value} to a typed path.\n")
              .addModifiers(Modifier.PUBLIC)
              .addTypeVariable(t)
              .returns(typedBatch)
              .addParameter(ParameterizedTypeName.get(Names.PATH, t), "path")
              .addParameter(t, "value")
              .addStatement("batch.set(path, value)")
              .addStatement("return this")
              .build());
      b.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Adds a write of the whole state.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(typedBatch)
              .addParameter(root, "value")
              .addStatement("batch.set($T.$L, value)", paths, names.idConstant(0))
              .addStatement("return this")
              .build());
      ComponentMethods methods = ComponentMethods.of(rootShape, Members.BATCH, true);
      for (int i = 0; i < rootShape.components().size(); i++) {
        RecordShape.Component c = rootShape.components().get(i);
        addWritesMethods(b, typedBatch, c, c.offset(), CodeBlock.of("$T.$L", paths, names.idConstant(c.offset())), methods, i);
      }
      b.addMethod(simple("size", TypeName.INT, "Number of writes added so far.", "return batch.size()"));
      b.addMethod(simple("apply", Names.CHANGES,
          "Runs the pipeline over the collected writes and applies the result; returns the applied changes.",
          "return batch.apply()"));
      return b.build();
    }

    // ---- methods for one child of a record -------------------------------------------------------

    /** Getter, setter or navigation for component {@code c} at static path {@code id} (a representative). */
    void addViewMethods(TypeSpec.Builder type, RecordShape.Component c, int repId, CodeBlock idExpr, ComponentMethods methods, int index) {
      PathNode n = tree.node(repId);
      String getter = methods.getters().get(index);
      String setter = methods.setters().get(index);
      TypeName valueType = c.type();
      if (n.kind().isNode()) {
        ClassName view = view(repId);
        type.addMethod(
            MethodSpec.methodBuilder(getter)
                .addJavadoc("The view of {@code $L} ($L).\n", c.name(), javadocType(valueType))
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addStatement("return new $T(store, $L)", view, idExpr)
                .build());
      } else {
        MethodSpec.Builder m =
            MethodSpec.methodBuilder(getter)
                .addJavadoc("Reads {@code $L}.\n", c.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(valueType)
                .addStatement(readLeaf(n, idExpr));
        if (Names.isGeneric(valueType)) {
          m.addAnnotation(unchecked());
        }
        type.addMethod(m.build());
      }
      type.addMethod(
          MethodSpec.methodBuilder(setter)
              .addJavadoc("Writes {@code $L} (a batch of one); returns the applied changes.\n", c.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.CHANGES)
              .addParameter(valueType, "value")
              .addStatement("return store.$L($L, value)", writeMethod(n), idExpr)
              .build());
      if (methods.handles() != null) {
        type.addMethod(handleMethod(methods.handles().get(index), c, n, idExpr));
      }
    }

    /**
     * {@code qtyPath()}: a typed handle on component {@code c} of a record view's record, typed as
     * the component's {@code XPaths} constant (boxed; a raw class literal and an unchecked cast for
     * a generic type, as {@code XPaths.generic} does).
     */
    MethodSpec handleMethod(String name, RecordShape.Component c, PathNode n, CodeBlock idExpr) {
      TypeName value = n.type().box();
      ParameterizedTypeName pathType = ParameterizedTypeName.get(Names.PATH, value);
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(name)
              .addJavadoc("A typed handle on {@code $L} of this record, for listeners, observers and bindings"
                  + " (in a map or list entry, valid while the entry exists).\n", c.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(pathType);
      if (Names.isGeneric(value)) {
        m.addAnnotation(unchecked())
            .addStatement("return ($T) ($T) store.path($L, $T.class)", pathType,
                ParameterizedTypeName.get(Names.PATH, WildcardTypeName.subtypeOf(Object.class)), idExpr, n.rawType());
      } else {
        m.addStatement("return store.path($L, $T.class)", idExpr, value);
      }
      return m.build();
    }

    /** Setter or navigation for component {@code c} in a batch class returning {@code selfType}. */
    void addWritesMethods(
        TypeSpec.Builder type, ClassName selfType, RecordShape.Component c, int repId, CodeBlock idExpr, ComponentMethods methods, int index) {
      PathNode n = tree.node(repId);
      String setter = methods.setters().get(index);
      if (n.kind().isNode()) {
        ClassName writes = writes(repId);
        String nav = methods.getters().get(index);
        type.addMethod(
            MethodSpec.methodBuilder(nav)
                .addJavadoc("Writes below {@code $L}, added to this batch.\n", c.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(writes)
                .addStatement("return new $T($L, $L)", writes, selfType.equals(typedBatchName()) ? "this" : "owner", idExpr)
                .build());
      }
      type.addMethod(
          MethodSpec.methodBuilder(setter)
              .addJavadoc("Adds a write of {@code $L}.\n", c.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(selfType)
              .addParameter(c.type(), "value")
              .addStatement("batch.$L($L, value)", writeMethod(n), idExpr)
              .addStatement("return this")
              .build());
    }

    CodeBlock readLeaf(PathNode n, CodeBlock idExpr) {
      switch (n.kind()) {
        case BOOLEAN:
        case INT:
        case LONG:
        case DOUBLE:
          if (n.type().isPrimitive()) {
            return CodeBlock.of("return store.get$L($L)", Names.capitalize(n.type().toString()), idExpr);
          }
          break;
        default:
          if (n.type().isPrimitive()) {
            return CodeBlock.of("return ($T) store.get($L)", n.type().box(), idExpr);
          }
      }
      return CodeBlock.of("return ($T) orNull(store.get($L))", n.type(), idExpr);
    }

    String writeMethod(PathNode n) {
      if (n.type().isPrimitive()) {
        switch (n.kind()) {
          case BOOLEAN:
            return "setBoolean";
          case INT:
            return "setInt";
          case LONG:
            return "setLong";
          case DOUBLE:
            return "setDouble";
          default:
            break;
        }
      }
      return "set";
    }

    // ---- nested classes --------------------------------------------------------------------------

    /** The view class for the node at {@code repId} (one per type), written on first use. */
    ClassName view(int repId) {
      return nestedClass(repId, "View");
    }

    /** The batch writes class for the node at {@code repId} (one per type), written on first use. */
    ClassName writes(int repId) {
      return nestedClass(repId, "Writes");
    }

    /**
     * The nested class {@code <short name><suffix>} for the type of the node at {@code repId}:
     * one per type, named by {@link NameScope}'s rule in the order the classes are first needed
     * (two types with the same short name, such as {@code Map<String, Optional<String>>} and
     * {@code Map<String, Optional<Long>>}, get {@code OptionalMapView} and {@code OptionalMapView_}).
     */
    ClassName nestedClass(int repId, String suffix) {
      PathNode n = tree.node(repId);
      String key = suffix + " " + TypeNames.qualified(n.type());
      ClassName cls = nestedNames.get(key);
      if (cls == null) {
        cls = self.nestedClass(nestedScope.claim(names.shortName(repId) + suffix));
        nestedNames.put(key, cls);
        TypeSpec spec;
        if (suffix.equals("View")) {
          spec = n.kind() == Kind.RECORD ? recordView(cls, repId) : containerView(cls, repId);
        } else {
          spec = n.kind() == Kind.RECORD ? recordWrites(cls, repId) : containerWrites(cls, repId);
        }
        nested.put(key, spec);
      }
      return cls;
    }

    /**
     * A view class: the store, a path ID and its entry stamp; every method reaches the store
     * through {@code liveId()}, so a view of an entry that has been removed throws instead of
     * reaching a later entry that took over its path IDs.
     */
    TypeSpec.Builder viewBase(ClassName cls, String doc, Object... args) {
      return TypeSpec.classBuilder(cls)
          .addJavadoc(doc + "\n", args)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addField(Names.STORE, "store", Modifier.PRIVATE, Modifier.FINAL)
          .addField(int.class, "id", Modifier.PRIVATE, Modifier.FINAL)
          .addField(
              FieldSpec.builder(int.class, "stamp", Modifier.PRIVATE, Modifier.FINAL)
                  .addJavadoc("The entry stamp of {@link #id} (0 for a static path).\n")
                  .build())
          .addMethod(
              MethodSpec.constructorBuilder()
                  .addModifiers(Modifier.PRIVATE)
                  .addParameter(Names.STORE, "store")
                  .addParameter(int.class, "id")
                  .addStatement("this.store = store")
                  .addStatement("this.id = id")
                  .addStatement("this.stamp = store.stamp(id)")
                  .build())
          .addMethod(
              MethodSpec.methodBuilder("liveId")
                  .addJavadoc("The path ID, checked: once the entry this view was made for is removed,"
                      + " {@code UnknownPathException}.\n")
                  .addModifiers(Modifier.PRIVATE)
                  .returns(int.class)
                  .addStatement("return store.checkedId(id, stamp)")
                  .build());
    }

    /**
     * A writes class: the batch it adds to (and the {@code TypedBatch} that {@code done()} returns
     * to) and a path ID; {@code withStore} for list writes, which look entries up by index.
     */
    TypeSpec.Builder writesBase(ClassName cls, boolean withStore, String doc, Object... args) {
      ClassName typedBatch = typedBatchName();
      TypeSpec.Builder b =
          TypeSpec.classBuilder(cls)
              .addJavadoc(doc + "\n", args)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addField(typedBatch, "owner", Modifier.PRIVATE, Modifier.FINAL);
      MethodSpec.Builder ctor =
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PRIVATE)
              .addParameter(typedBatch, "owner")
              .addParameter(int.class, "id")
              .addStatement("this.owner = owner");
      if (withStore) {
        b.addField(Names.STORE, "store", Modifier.PRIVATE, Modifier.FINAL);
        ctor.addStatement("this.store = owner.store");
      }
      b.addField(Names.BATCH, "batch", Modifier.PRIVATE, Modifier.FINAL);
      ctor.addStatement("this.batch = owner.batch");
      b.addField(int.class, "id", Modifier.PRIVATE, Modifier.FINAL);
      ctor.addStatement("this.id = id");
      return b.addMethod(ctor.build());
    }

    /** {@code done()}: back to the whole batch. */
    MethodSpec doneMethod() {
      return MethodSpec.methodBuilder("done")
          .addJavadoc("Goes back to the whole batch, to add writes elsewhere or {@link $T#apply() apply} it.\n", typedBatchName())
          .addModifiers(Modifier.PUBLIC)
          .returns(typedBatchName())
          .addStatement("return owner")
          .build();
    }

    ClassName typedBatchName() {
      return self.nestedClass("TypedBatch");
    }

    void addOffsets(TypeSpec.Builder b, RecordShape shape) {
      List<String> names = offsetNames(shape);
      for (int i = 0; i < shape.components().size(); i++) {
        RecordShape.Component c = shape.components().get(i);
        b.addField(
            FieldSpec.builder(int.class, names.get(i), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", c.offset())
                .addJavadoc("Offset of {@code $L} from the record's path ID.\n", c.name())
                .build());
      }
    }

    /** {@code shippingZip} → {@code SHIPPING_ZIP}, unique within the record (NameScope's rule). */
    List<String> offsetNames(RecordShape shape) {
      return offsets.computeIfAbsent(shape.type(), t -> new NameScope(Set.of()).claimAll(
          shape.components().stream().map(c -> Names.constantName(c.name())).collect(java.util.stream.Collectors.toList())));
    }

    TypeSpec recordView(ClassName cls, int repId) {
      RecordShape shape = tree.recordAt(repId);
      TypeSpec.Builder b = viewBase(cls,
          "Reads and writes a {@link $T} at one path of the store: a static path, or an entry of a map or"
              + " list. Its components are at the record's path ID plus fixed offsets.", shape.type());
      addOffsets(b, shape);
      List<String> offset = offsetNames(shape);
      b.addMethod(simple("pathId", TypeName.INT, "The path ID of this record (static or an entry's).", "return liveId()"));
      b.addMethod(simple("path", ParameterizedTypeName.get(Names.PATH, shape.type()),
          "A typed handle on this record's path, for listeners and runtime wiring.",
          CodeBlock.of("return store.path(liveId(), $T.class)", shape.type())));
      b.addMethod(simple("snapshot", shape.type(), "The whole record, or {@code null}.",
          CodeBlock.of("return ($T) orNull(store.get(liveId()))", shape.type())));
      b.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Replaces the whole record (a parent write); returns the applied changes.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.CHANGES)
              .addParameter(shape.type(), "value")
              .addStatement("return store.set(liveId(), value)")
              .build());
      ComponentMethods methods = ComponentMethods.of(shape, Members.VIEW, false, true);
      for (int i = 0; i < shape.components().size(); i++) {
        RecordShape.Component c = shape.components().get(i);
        addViewMethods(b, c, repId + c.offset(), CodeBlock.of("liveId() + $L", offset.get(i)), methods, i);
      }
      b.addMethod(toStringMethod(cls));
      return b.build();
    }

    TypeSpec recordWrites(ClassName cls, int repId) {
      RecordShape shape = tree.recordAt(repId);
      TypeSpec.Builder b = writesBase(cls, false,
          "Writes to a {@link $T} at one path, added to a batch; {@link #done()} goes back to the whole"
              + " batch.", shape.type());
      addOffsets(b, shape);
      List<String> offset = offsetNames(shape);
      b.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Adds a write of the whole record.\n")
              .addModifiers(Modifier.PUBLIC)
              .returns(cls)
              .addParameter(shape.type(), "value")
              .addStatement("batch.set(id, value)")
              .addStatement("return this")
              .build());
      ComponentMethods methods = ComponentMethods.of(shape, Members.WRITES, true);
      for (int i = 0; i < shape.components().size(); i++) {
        RecordShape.Component c = shape.components().get(i);
        addWritesMethods(b, cls, c, repId + c.offset(), CodeBlock.of("id + $L", offset.get(i)), methods, i);
      }
      b.addMethod(doneMethod());
      return b.build();
    }

    TypeSpec containerView(ClassName cls, int repId) {
      PathNode n = tree.node(repId);
      PathNode entry = tree.node(n.templateChild());
      boolean map = n.kind() == Kind.MAP;
      TypeSpec.Builder b = viewBase(cls,
          "Reads and writes a {@code $L} at one path of the store; entries come and go at run time.",
          javadocType(n.type()));
      b.addMethod(simple("pathId", TypeName.INT, "The path ID of this " + (map ? "map" : "list") + ".", "return liveId()"));
      b.addMethod(simple("snapshot", n.type(), "The whole " + (map ? "map" : "list") + ", or {@code null}.",
          CodeBlock.of("return ($T) orNull(store.get(liveId()))", n.type())).toBuilder().addAnnotation(unchecked()).build());
      b.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Replaces the whole $L (a parent write); returns the applied changes.\n", map ? "map" : "list")
              .addModifiers(Modifier.PUBLIC)
              .returns(Names.CHANGES)
              .addParameter(n.type(), "value")
              .addStatement("return store.set(liveId(), value)")
              .build());
      b.addMethod(simple("size", TypeName.INT, "Number of entries (0 if the " + (map ? "map" : "list") + " is null).",
          "return store.size(liveId())"));
      TypeName keyType = map ? ClassName.get(String.class) : TypeName.INT;
      String key = map ? "key" : "index";
      if (map) {
        b.addMethod(simple("keys", ParameterizedTypeName.get(List.class, String.class), "The keys, in insertion order.",
            "return store.keys(liveId())"));
        b.addMethod(
            MethodSpec.methodBuilder("containsKey")
                .addJavadoc("Whether there is an entry {@code key}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(String.class, "key")
                .addStatement("return store.findEntry(liveId(), key) >= 0")
                .build());
      }
      MethodSpec.Builder get =
          MethodSpec.methodBuilder("get")
              .addModifiers(Modifier.PUBLIC)
              .addParameter(keyType, key);
      CodeBlock entryId;
      if (map) {
        // a missing key reads as null, as Map.get does
        get.addStatement("int entry = store.findEntry(liveId(), key)")
            .beginControlFlow("if (entry < 0)")
            .addStatement("return null")
            .endControlFlow();
        entryId = CodeBlock.of("entry");
      } else {
        entryId = CodeBlock.of("store.entry(liveId(), index)");
      }
      String missing = map
          ? ", or {@code null} if there is no such entry.\n"
          : ".\n\n@throws dev.statewire.runtime.UnknownPathException if there is no such entry\n";
      if (entry.kind().isNode()) {
        ClassName view = view(entry.id());
        get.addJavadoc("The view of entry {@code $L}" + missing, key)
            .returns(view)
            .addStatement("return new $T(store, $L)", view, entryId);
      } else {
        get.addJavadoc("The value of entry {@code $L}" + missing, key)
            .returns(entry.type())
            .addStatement(readLeaf(entry, entryId));
        if (Names.isGeneric(entry.type())) {
          get.addAnnotation(unchecked());
        }
      }
      b.addMethod(get.build());
      if (map) {
        b.addMethod(
            MethodSpec.methodBuilder("put")
                .addJavadoc("Adds or replaces entry {@code key}; returns the applied changes.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(Names.CHANGES)
                .addParameter(String.class, "key")
                .addParameter(entry.type(), "value")
                .addStatement("return store.put(liveId(), key, value)")
                .build());
        b.addMethod(
            MethodSpec.methodBuilder("remove")
                .addJavadoc("Removes entry {@code key}; returns the applied changes.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(Names.CHANGES)
                .addParameter(String.class, "key")
                .addStatement("return store.remove(liveId(), key)")
                .build());
      } else {
        b.addMethod(
            MethodSpec.methodBuilder("add")
                .addJavadoc("Adds an entry at the end; returns the applied changes.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(Names.CHANGES)
                .addParameter(entry.type(), "value")
                .addStatement("return store.add(liveId(), value)")
                .build());
        b.addMethod(
            MethodSpec.methodBuilder("set")
                .addJavadoc("Replaces entry {@code index}; returns the applied changes.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(Names.CHANGES)
                .addParameter(int.class, "index")
                .addParameter(entry.type(), "value")
                .addStatement("return store.set(store.entry(liveId(), index), value)")
                .build());
      }
      b.addMethod(toStringMethod(cls));
      return b.build();
    }

    TypeSpec containerWrites(ClassName cls, int repId) {
      PathNode n = tree.node(repId);
      PathNode entry = tree.node(n.templateChild());
      boolean map = n.kind() == Kind.MAP;
      TypeSpec.Builder b = writesBase(cls, !map, "Writes to a {@code $L} at one path, added to a batch; {@link #done()} goes"
          + " back to the whole batch.", javadocType(n.type()));
      b.addMethod(
          MethodSpec.methodBuilder("replace")
              .addJavadoc("Adds a write of the whole $L.\n", map ? "map" : "list")
              .addModifiers(Modifier.PUBLIC)
              .returns(cls)
              .addParameter(n.type(), "value")
              .addStatement("batch.set(id, value)")
              .addStatement("return this")
              .build());
      if (map) {
        b.addMethod(
            MethodSpec.methodBuilder("put")
                .addJavadoc("Adds a write of a new or replaced entry {@code key}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(cls)
                .addParameter(String.class, "key")
                .addParameter(entry.type(), "value")
                .addStatement("batch.put(id, key, value)")
                .addStatement("return this")
                .build());
        b.addMethod(
            MethodSpec.methodBuilder("remove")
                .addJavadoc("Adds the removal of entry {@code key}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(cls)
                .addParameter(String.class, "key")
                .addStatement("batch.remove(id, key)")
                .addStatement("return this")
                .build());
      } else {
        b.addMethod(
            MethodSpec.methodBuilder("add")
                .addJavadoc("Adds a write of a new entry at the end.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(cls)
                .addParameter(entry.type(), "value")
                .addStatement("batch.add(id, value)")
                .addStatement("return this")
                .build());
        b.addMethod(
            MethodSpec.methodBuilder("set")
                .addJavadoc("Adds a write that replaces entry {@code index}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(cls)
                .addParameter(int.class, "index")
                .addParameter(entry.type(), "value")
                .addStatement("batch.set(store.entry(id, index), value)")
                .addStatement("return this")
                .build());
      }
      if (entry.kind().isNode()) {
        ClassName writes = writes(entry.id());
        MethodSpec.Builder entryMethod = MethodSpec.methodBuilder("entry").addModifiers(Modifier.PUBLIC).returns(writes);
        if (map) {
          entryMethod
              .addJavadoc("Writes below entry {@code key}, added to this batch: an entry that exists, or one that an"
                  + " earlier {@link #put} of this batch adds.\n\n"
                  + "@throws dev.statewire.runtime.UnknownPathException if neither\n")
              .addParameter(String.class, "key")
              .addStatement("return new $T(owner, batch.entry(id, key))", writes);
        } else {
          entryMethod
              .addJavadoc("Writes below the existing entry {@code index}, added to this batch.\n")
              .addParameter(int.class, "index")
              .addStatement("return new $T(owner, store.entry(id, index))", writes);
        }
        b.addMethod(entryMethod.build());
      }
      b.addMethod(doneMethod());
      return b.build();
    }

    MethodSpec toStringMethod(ClassName cls) {
      return MethodSpec.methodBuilder("toString")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(String.class)
          .addStatement("return $S + store.pathOf(id) + $S", cls.simpleName() + "[", "]")
          .build();
    }
  }

  private static MethodSpec simple(String name, TypeName returns, String doc, String statement) {
    return simple(name, returns, doc, CodeBlock.of(statement));
  }

  private static MethodSpec simple(String name, TypeName returns, String doc, CodeBlock statement) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", doc)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addStatement(statement)
        .build();
  }

  private static AnnotationSpec unchecked() {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
  }

  private static String javadocType(TypeName type) {
    return TypeNames.display(type).replace("<", "&lt;").replace(">", "&gt;");
  }
}
