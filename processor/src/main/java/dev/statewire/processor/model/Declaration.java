package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import dev.statewire.processor.diag.Site;
import java.util.List;

/**
 * One wiring annotation as written, before its paths are resolved.
 *
 * @param annotation which annotation
 * @param declaringType the record that carries it (paths are relative to it)
 * @param component the annotated component, or {@code null} for a type-level annotation
 * @param target for {@code @Aggregate} on a type: the target; otherwise {@code null}
 * @param paths the listed paths (for {@code @Aggregate}: the sources)
 * @param site the annotation, for diagnostics that concern it as a whole
 */
public record Declaration(
    Annotation annotation,
    ClassName declaringType,
    String component,
    PathRef target,
    List<PathRef> paths,
    Site site) {

  /** The wiring annotations. */
  public enum Annotation {
    SYNC("Sync"),
    FLIP("Flip"),
    AGGREGATE("Aggregate");

    private final String simpleName;

    Annotation(String simpleName) {
      this.simpleName = simpleName;
    }

    /** The annotation's simple name, without {@code @}. */
    public String simpleName() {
      return simpleName;
    }
  }

  /**
   * A path string as written in an annotation, and where it was written.
   *
   * @param path the dot path, relative to the declaring record
   * @param site the annotation value that holds it
   */
  public record PathRef(String path, Site site) {}

  /** Whether it is declared on a component (and pairs that component with its paths). */
  public boolean onComponent() {
    return component != null;
  }

  /** Where it was declared, for generated comments: {@code "@Sync on Checkout.billing"}. */
  public String origin() {
    String where = String.join(".", declaringType.simpleNames());
    return "@" + annotation.simpleName() + " on " + where + (component == null ? "" : "." + component);
  }
}
