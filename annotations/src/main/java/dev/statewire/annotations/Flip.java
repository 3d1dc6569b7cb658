package dev.statewire.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps {@code boolean}/{@code Boolean} paths opposite: a write of {@code true} to one writes
 * {@code false} to the others in the same batch (PIPELINE.md §3 stage 4). Writes of {@code null}
 * are not flipped.
 *
 * <p>On a record component (or an accessor of an abstract value type), pairs that component with
 * each listed path. On a record type (repeatable), chains the listed paths:
 * {@code @Flip({"p", "q"})} pairs p–q. Paths are dot paths
 * relative to the record that carries the annotation; a flip declared on a nested record (a line
 * item, say) holds inside every occurrence of it, including each entry of a map or list.
 *
 * <pre>{@code
 * @State
 * public record Ticket(boolean isBuy, @Flip("isBuy") boolean isSell) {}
 * // store.setIsBuy(false) also sets isSell to true
 * }</pre>
 *
 * <p>Retained in class files (not at run time), like {@link Sync}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
// METHOD: accessors of abstract value types. FIELD: an annotation on a record component also lands on the component's implicit field,
// where the compiler keeps its source position, so errors point at the offending path string.
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
@Repeatable(Flip.List.class)
public @interface Flip {

  /**
   * The paths: on a component, the paths it is kept opposite to; on a type, the two paths kept
   * opposite (more than two make a flip group, which the processor warns about).
   */
  String[] value();

  /** Holds repeated {@code @Flip} annotations on a type; written by the compiler. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations, in source order. */
    Flip[] value();
  }
}
