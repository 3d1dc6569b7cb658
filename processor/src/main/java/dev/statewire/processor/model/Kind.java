package dev.statewire.processor.model;

/**
 * What a path holds; mirrors {@code dev.statewire.runtime.PathKind} constant for constant, so that
 * the processor does not depend on the runtime.
 */
public enum Kind {
  RECORD,
  MAP,
  LIST,
  BOOLEAN,
  BYTE,
  SHORT,
  CHAR,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  STRING,
  ENUM,
  OBJECT;

  /** Records, maps and lists: paths with children. */
  public boolean isNode() {
    return this == RECORD || this == MAP || this == LIST;
  }

  /** Maps and lists: dynamic containers whose entries come and go. */
  public boolean isContainer() {
    return this == MAP || this == LIST;
  }
}
