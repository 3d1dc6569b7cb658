package dev.statewire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps paths equal: a write to one is copied to the others in the same batch (PIPELINE.md §3
 * stage 3). Synced paths must have the same type; syncing two records syncs their whole subtrees.
 *
 * <p>On a record component (or an accessor of an abstract value type), pairs that component with
 * each listed path. On a record type (repeatable), chains the listed paths:
 * {@code @Sync({"a", "b", "c"})} pairs a–b and b–c. Paths are dot paths relative to the record that carries the annotation; wiring declared on a nested
 * record holds in every occurrence of that record, including each entry of a map or list.
 * Wildcards ({@code *}) are not allowed: declare the sync on the entry's record type instead.
 *
 * <pre>{@code
 * @State
 * @Sync({"shipping.zip", "billing.zip"})
 * public record Checkout(Address shipping, Address billing, @Sync("note") String memo, String note) {}
 * }</pre>
 *
 * <p>Retained in class files (not at run time) so that wiring on a record compiled separately,
 * for example by an incremental build or in a library jar, still holds where it is used.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// METHOD: accessors of abstract value types. FIELD: an annotation on a record component also lands on the component's implicit field,
// where the compiler keeps its source position, so errors point at the offending path string.
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
@Repeatable(Sync.List.class)
public @interface Sync {

  /**
   * The paths: on a component, the paths it is kept equal to; on a type, at least two paths kept
   * equal to each other.
   */
  String[] value();

  /** Holds repeated {@code @Sync} annotations on a type; written by the compiler. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations, in source order. */
    Sync[] value();
  }
}
