package dev.statewire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a target path reflect its source paths (PIPELINE.md §3 stages 2 and 9): after every batch
 * the target holds the sources' common value if they all agree, else {@code null}; a write to the
 * target is written to every source instead. The target must have the (boxed) type of the
 * sources and be able to hold {@code null}.
 *
 * <p>On a record component (or an accessor of an abstract value type), the component is the target
 * and {@link #value()} lists the sources.
 * On a record type (repeatable), {@link #target()} names the target and {@link #sources()} the
 * sources. Paths are relative to the annotated record; a source may use {@code *} for every entry
 * of a map or list ({@code "items.*.selected"}), and the source set follows the entries.
 *
 * <pre>{@code
 * @State
 * public record Cart(Map<String, LineItem> items, @Aggregate("items.*.selected") Boolean allSelected) {}
 * // store.setAllSelected(true) selects every item; deselecting one makes allSelected null
 * }</pre>
 *
 * <p>Retained in class files (not at run time), like {@link Sync}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// METHOD: accessors of abstract value types. FIELD: an annotation on a record component also lands on the component's implicit field,
// where the compiler keeps its source position, so errors point at the offending path string.
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
@Repeatable(Aggregate.List.class)
public @interface Aggregate {

  /** On a record component: the source paths. Not allowed together with {@link #sources()}. */
  String[] value() default {};

  /** On a record type: the target path. Must be empty on a record component. */
  String target() default "";

  /** On a record type: the source paths. */
  String[] sources() default {};

  /** Holds repeated {@code @Aggregate} annotations on a type; written by the compiler. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations, in source order. */
    Aggregate[] value();
  }
}
