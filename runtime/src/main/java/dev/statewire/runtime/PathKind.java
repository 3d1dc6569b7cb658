package dev.statewire.runtime;

/**
 * What a path holds, as recorded per path ID in {@link Schema}. Node kinds ({@link #RECORD},
 * {@link #MAP}, {@link #LIST}) have child paths; every other kind is a leaf. The Java type of a
 * path (primitive or boxed, the enum or opaque class) is recorded next to the kind, see
 * {@link Schema#type(int)}.
 */
public enum PathKind {
  /** A record (or abstract value type); its components are child paths, in declaration order. */
  RECORD(true, false, false),
  /** A {@code Map<String, R>}: entries get path IDs at run time, one block per entry. */
  MAP(true, true, false),
  /** A {@code List<R>}: entries get path IDs at run time, one block per entry. */
  LIST(true, true, false),
  /** {@code boolean} or {@code Boolean}. */
  BOOLEAN(false, false, true),
  /** {@code byte} or {@code Byte}. */
  BYTE(false, false, true),
  /** {@code short} or {@code Short}. */
  SHORT(false, false, true),
  /** {@code char} or {@code Character}. */
  CHAR(false, false, true),
  /** {@code int} or {@code Integer}. */
  INT(false, false, true),
  /** {@code long} or {@code Long}. */
  LONG(false, false, true),
  /** {@code float} or {@code Float}; equality as {@link Float#equals}. */
  FLOAT(false, false, true),
  /** {@code double} or {@code Double}; equality as {@link Double#equals}. */
  DOUBLE(false, false, true),
  /** {@code String}. */
  STRING(false, false, false),
  /** Any enum type. */
  ENUM(false, false, false),
  /** Any other type: stored by reference and compared with {@code equals}. */
  OBJECT(false, false, false);

  // fields, not ordinal comparisons: the engine asks these for every change of a batch
  private final boolean node;
  private final boolean container;
  private final boolean primitive;

  PathKind(boolean node, boolean container, boolean primitive) {
    this.node = node;
    this.container = container;
    this.primitive = primitive;
  }

  /** Whether paths of this kind have child paths. */
  public boolean isNode() {
    return node;
  }

  /** Whether paths of this kind are dynamic containers whose entries come and go. */
  public boolean isContainer() {
    return container;
  }

  /** Whether values of this kind are held as primitive bits in the shadow state. */
  public boolean isPrimitive() {
    return primitive;
  }

  /**
   * Whether comparing or taking apart values of this kind may run user code (a record's accessors
   * or {@code equals}, a map's or list's own methods, an opaque value's {@code equals}).
   */
  boolean holdsUserValues() {
    return this == RECORD || this == MAP || this == LIST || this == OBJECT;
  }
}
