package dev.statewire.runtime;

/**
 * What a path holds, as recorded per path ID in {@link Schema}. Node kinds ({@link #RECORD},
 * {@link #MAP}, {@link #LIST}) have child paths; every other kind is a leaf. The Java type of a
 * path (primitive or boxed, the enum or opaque class) is recorded next to the kind, see
 * {@link Schema#type(int)}.
 */
public enum PathKind {
  /** A record (or abstract value type); its components are child paths, in declaration order. */
  RECORD,
  /** A {@code Map<String, R>}: entries get path IDs at run time, one block per entry. */
  MAP,
  /** A {@code List<R>}: entries get path IDs at run time, one block per entry. */
  LIST,
  /** {@code boolean} or {@code Boolean}. */
  BOOLEAN,
  /** {@code byte} or {@code Byte}. */
  BYTE,
  /** {@code short} or {@code Short}. */
  SHORT,
  /** {@code char} or {@code Character}. */
  CHAR,
  /** {@code int} or {@code Integer}. */
  INT,
  /** {@code long} or {@code Long}. */
  LONG,
  /** {@code float} or {@code Float}; equality as {@link Float#equals}. */
  FLOAT,
  /** {@code double} or {@code Double}; equality as {@link Double#equals}. */
  DOUBLE,
  /** {@code String}. */
  STRING,
  /** Any enum type. */
  ENUM,
  /** Any other type: stored by reference and compared with {@code equals}. */
  OBJECT;

  /** Whether paths of this kind have child paths. */
  public boolean isNode() {
    return this == RECORD || this == MAP || this == LIST;
  }

  /** Whether paths of this kind are dynamic containers whose entries come and go. */
  public boolean isContainer() {
    return this == MAP || this == LIST;
  }

  /** Whether values of this kind are held as primitive bits in the shadow state. */
  public boolean isPrimitive() {
    return ordinal() >= BOOLEAN.ordinal() && ordinal() <= DOUBLE.ordinal();
  }
}
