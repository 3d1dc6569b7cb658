package dev.statewire.processor.diag;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * The catalogue of every message the processor reports. Each has a stable tag that users can
 * search for and, for warnings, use in {@code @SuppressWarnings("statewire:<tag>")}. Texts are
 * {@link String#format} patterns; {@link #format} prefixes them with the tag.
 */
public enum Message {
  // ---- errors ---------------------------------------------------------------------------------
  /** A path segment that names no component (error 1). Args: annotation, path, owner, segment, hint. */
  UNKNOWN_PATH(
      Diagnostic.Kind.ERROR,
      "unknown-path",
      "@%s path \"%s\": %s has no component \"%s\"; %s"),
  /** A segment after a dynamic container that is not {@code *} (error 1). Args: annotation, path, container, segment. */
  ENTRY_BY_KEY(
      Diagnostic.Kind.ERROR,
      "unknown-path",
      "@%s path \"%s\": \"%s\" is a %s whose entries come and go at run time, so \"%s\" cannot name"
          + " one of them; wire paths inside each entry on the entry's record type, or use \"*\" in an"
          + " @Aggregate source"),
  /** An empty path or a path with an empty segment (error 1). Args: annotation, path. */
  EMPTY_PATH(
      Diagnostic.Kind.ERROR,
      "unknown-path",
      "@%s path \"%s\" is empty or has an empty segment; paths are dot paths such as \"shipping.zip\""),
  /** Sync between different types (error 2). Args: a, a type, b, b type, hint. */
  SYNC_TYPE(
      Diagnostic.Kind.ERROR,
      "sync-type",
      "@Sync paths must have the same type, but \"%s\" is %s and \"%s\" is %s%s"),
  /** Flip on a non-boolean (error 3). Args: path, type. */
  FLIP_TYPE(
      Diagnostic.Kind.ERROR,
      "flip-type",
      "@Flip paths must be boolean or Boolean, but \"%s\" is %s"),
  /** Aggregate target and source types differ (error 4). Args: target, target type, source, source type, hint. */
  AGGREGATE_TYPE(
      Diagnostic.Kind.ERROR,
      "aggregate-type",
      "@Aggregate target \"%s\" is %s, but source \"%s\" is %s; the target must have the sources'"
          + " type%s"),
  /** Aggregate target that cannot hold null (error 4). Args: target, type, boxed type. */
  AGGREGATE_PRIMITIVE(
      Diagnostic.Kind.ERROR,
      "aggregate-type",
      "@Aggregate target \"%s\" is %s, which cannot hold null; sources that disagree make the target"
          + " null, so declare it as %s"),
  /** Aggregate target that is an Immutables attribute without @Nullable (error 4). Args: target, type, accessor. */
  AGGREGATE_NOT_NULLABLE(
      Diagnostic.Kind.ERROR,
      "aggregate-type",
      "@Aggregate target \"%s\" is an attribute of the Immutables type %s that is not @Nullable; sources that"
          + " disagree make the target null, which Immutables refuses, so annotate %s() with @Nullable"),
  /** An aggregation target that is (through aggregations) its own source (error 4). Args: target, cycle. */
  AGGREGATE_CYCLE(
      Diagnostic.Kind.ERROR,
      "aggregate-cycle",
      "@Aggregate target \"%s\" is also its own source: %s; a path may not be both a target and a"
          + " source of one aggregation chain"),
  /** A path synced with its own ancestor or descendant (error 5). Args: annotation, a, b, relation. */
  SYNC_ANCESTOR(
      Diagnostic.Kind.ERROR,
      "sync-ancestor",
      "@%s pairs \"%s\" with \"%s\", %s; a group may not hold a path and its own ancestor or"
          + " descendant (PIPELINE.md §4)"),
  /** Sync and flip wiring that force two paths equal and opposite (error 6). Args: a, b, cycle. */
  CONTRADICTION(
      Diagnostic.Kind.ERROR,
      "contradiction",
      "@Sync and @Flip wiring contradict each other: \"%s\" and \"%s\" would have to be both equal and"
          + " opposite, through the cycle %s"),
  /** @State on something that is not a supported record (error 7). Args: type, reason. */
  UNSUPPORTED_TYPE(
      Diagnostic.Kind.ERROR,
      "unsupported-type",
      "@State type %s is not supported: %s"),
  /** A component whose type cannot be a node of the state tree (error 7). Args: component, type, reason. */
  UNSUPPORTED_COMPONENT(
      Diagnostic.Kind.ERROR,
      "unsupported-type",
      "component \"%s\" of type %s is not supported in a @State tree: %s"),
  /** A record or value type that contains itself (error 7). Args: "record" or "value type", type, chain, hint. */
  RECURSIVE_TYPE(
      Diagnostic.Kind.ERROR,
      "recursive-type",
      "%s %s contains itself through %s; %s"),
  /** A wildcard on a segment that is not a container (error 8). Args: annotation, path, segment, type. */
  WILDCARD_SEGMENT(
      Diagnostic.Kind.ERROR,
      "wildcard",
      "@%s path \"%s\": \"*\" stands for every entry of a Map or List, but \"%s\" is %s"),
  /** A wildcard outside an @Aggregate source (error 8). Args: annotation, role, path. */
  WILDCARD_PLACE(
      Diagnostic.Kind.ERROR,
      "wildcard",
      "@%s %s \"%s\" uses \"*\"; wildcards are allowed only in @Aggregate sources. Wiring that should"
          + " hold inside each entry is declared on the entry's record type"),

  /** A generated class whose name another type has already (F2). Args: root, generated class. */
  NAME_CLASH(
      Diagnostic.Kind.ERROR,
      "name-clash",
      "@State type %s needs the generated class %s, but a type of that name already exists (declared in"
          + " your sources, or generated for another @State type); rename that type or the @State type"),

  // ---- warnings -------------------------------------------------------------------------------
  /** The same pair declared twice. Args: annotation, a, b, first declaration. */
  DUPLICATE_PAIR(
      Diagnostic.Kind.WARNING,
      "duplicate-pair",
      "@%s pair \"%s\" and \"%s\" is declared twice (first at %s); an edge declared twice is one"
          + " edge, so the second declaration has no effect"),
  /** A flip group of more than two paths. Args: paths. */
  FLIP_GROUP(
      Diagnostic.Kind.WARNING,
      "flip-group",
      "@Flip group %s has more than two paths: a write of true to one writes false to every other,"
          + " and a write of false writes true to every other, so the others end up equal to each"
          + " other (PIPELINE.md §4)"),
  /** A flip member that is also synced. Args: path, sync peers. */
  FLIP_SYNCED(
      Diagnostic.Kind.WARNING,
      "flip-synced",
      "@Flip path \"%s\" is also synced with %s, but sync never sees flip output: when \"%s\" is"
          + " flipped, %s keep%s the old value (PIPELINE.md §3, stages 3 and 4). Sync the peer of"
          + " the flip instead, or flip each of them"),
  /** A synced path inside another synced subtree. Args: inner, its peers, outer, its peers, inner peers, inner, copies, "s". */
  NESTED_SYNC(
      Diagnostic.Kind.WARNING,
      "nested-sync",
      "@Sync path \"%s\" (synced with %s) lies inside \"%s\", which is itself synced with %s; sync"
          + " output is not synced again, so a write to %s reaches \"%s\" but not %s, which keep%s the"
          + " old value (PIPELINE.md §4)"),

  /** A component of a known mutable type (F9). Args: component, type, advice. */
  MUTABLE_VALUE(
      Diagnostic.Kind.WARNING,
      "mutable-value",
      "@State component \"%s\" is %s, a mutable type: the store holds it by reference, so mutating it"
          + " changes the store without a batch or listener; use %s, or add"
          + " @SuppressWarnings(\"statewire:mutable-value\") to accept it"),
  /** A Map or List component whose entries are of a known mutable type (F9). Args: component, container type, entry type, advice. */
  MUTABLE_ENTRIES(
      Diagnostic.Kind.WARNING,
      "mutable-value",
      "@State component \"%s\" is %s, whose entries are %s, a mutable type: the store holds each entry by"
          + " reference, so mutating one changes the store without a batch or listener; use %s, or add"
          + " @SuppressWarnings(\"statewire:mutable-value\") to accept it"),

  // ---- other ----------------------------------------------------------------------------------
  /** An annotation used in a form it does not support. Args: annotation, rule. */
  MALFORMED(Diagnostic.Kind.ERROR, "malformed-annotation", "@%s %s"),
  /** A type that is still unresolved after the last round. Args: root, type. */
  UNRESOLVED(
      Diagnostic.Kind.ERROR,
      "unresolved-type",
      "@State type %s refers to %s, which could not be resolved (not even after the last round of"
          + " annotation processing)"),
  /** An exception inside the processor. Args: type, stack trace. */
  INTERNAL(
      Diagnostic.Kind.ERROR,
      "internal-error",
      "statewire failed on %s; please report this with the stack trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String tag;
  private final String pattern;

  Message(Diagnostic.Kind kind, String tag, String pattern) {
    this.kind = kind;
    this.tag = tag;
    this.pattern = pattern;
  }

  /** Error or warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The stable tag, without the {@code statewire:} prefix. */
  public String tag() {
    return tag;
  }

  /** The text a user reads: {@code [statewire:tag] } and the formatted pattern. */
  public String format(Object... args) {
    return "[statewire:" + tag + "] " + String.format(Locale.ROOT, pattern, args);
  }
}
