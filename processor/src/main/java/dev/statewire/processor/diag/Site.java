package dev.statewire.processor.diag;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic lands: an element, optionally the annotation on it and the value inside that
 * annotation, so that the caret points at the offending string. Opaque to the model and the
 * writers; only {@link Reporter} looks inside.
 *
 * @param element the element for {@code Messager} (a record type, or the field of a record
 *     component, since javac cannot place messages on record components)
 * @param mirror the annotation, or {@code null}
 * @param value the annotation value, or {@code null}
 * @param suppressed the warning tags silenced by {@code @SuppressWarnings("statewire:...")} here
 * @param description a short human name of the place, e.g. {@code "@Sync on Checkout.billing"}
 * @param locator how to find the source position through the compiler's tree API, or {@code null}
 */
public record Site(
    Element element,
    AnnotationMirror mirror,
    AnnotationValue value,
    Set<String> suppressed,
    String description,
    Locator locator) {

  /**
   * A source position described structurally: the {@code occurrence}-th annotation named {@code
   * annotation} on {@code declaration}, its {@code member}, element {@code index} of that array.
   * Needed where javac's {@code Messager} cannot find the tree itself: annotations that javac
   * wrapped in a {@code @Repeatable} container, and record components.
   *
   * @param declaration the declaration whose tree holds the annotation (a type, or a field)
   * @param annotation the annotation's simple name, or {@code null} for the declaration itself
   * @param occurrence which of the annotations with that name (0 for the first)
   * @param member the annotation member, or {@code null} for the whole annotation
   * @param index the element within an array member
   */
  public record Locator(Element declaration, String annotation, int occurrence, String member, int index) {}

  /** The same place, pointing at element {@code index} of {@code member}, whose value is {@code value}. */
  public Site at(String member, int index, AnnotationValue value) {
    Locator l = locator == null ? null : new Locator(locator.declaration(), locator.annotation(), locator.occurrence(), member, index);
    return new Site(element, mirror, value, suppressed, description, l);
  }

  @Override
  public String toString() {
    return description;
  }
}
