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
 * @param element the annotated element (a record type or record component)
 * @param mirror the annotation, or {@code null}
 * @param value the annotation value, or {@code null}
 * @param suppressed the warning tags silenced by {@code @SuppressWarnings("statewire:...")} here
 * @param description a short human name of the place, e.g. {@code "@Sync on Checkout.billing"}
 */
public record Site(
    Element element,
    AnnotationMirror mirror,
    AnnotationValue value,
    Set<String> suppressed,
    String description) {

  /** The same place, pointing at {@code value} inside the same annotation. */
  public Site at(AnnotationValue value) {
    return new Site(element, mirror, value, suppressed, description);
  }

  @Override
  public String toString() {
    return description;
  }
}
