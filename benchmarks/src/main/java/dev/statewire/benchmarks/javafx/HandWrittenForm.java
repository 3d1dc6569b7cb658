package dev.statewire.benchmarks.javafx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The checkout form of {@link CheckoutModels} written by hand: the stages docs/PIPELINE.md runs for
 * its edits, with the form's wiring and listener as code, over a handful of arrays. It is the floor
 * that {@code JavaFxPeerBench} measures the store against ({@code floor*}): what the spec's work
 * for these edits costs when nothing is general. {@code HandWrittenFormTest} checks that it applies
 * and reports exactly what the store does for the same edits.
 *
 * <p>What it keeps of the spec: a type check where a value is added; a batch whose inputs all equal
 * the current values is a no-op (and makes earlier results stale); stage 1 drops inputs equal to
 * the pre-batch values; sync, then flip, over the queue; stage 5 drops what they derived that
 * equals the pre-batch values; the root listener is called with the queue deepest path first
 * (stable), its view valid during the call only, and its output goes to the end of the queue;
 * stage 8 applies each entry that differs from the value at that moment (in a one-input batch the
 * entries before the listener's output are distinct fields that stages 1 and 5 compared already);
 * the result is a view of the applied entries that the next batch makes stale; a listener that
 * throws leaves the values as they were; the writer slot of {@code Store} (an acquire read, an
 * opaque claim, a release store) around every batch that changes something (a no-op does not read
 * it, where the store reads it once: a lower bound there too). What it leaves out: nulls, every other path, registration,
 * tags, entries, aggregations, subscribers and observers. The form has no maps, lists or
 * aggregations, so stages 2 and 9 have nothing to do here either.
 */
public final class HandWrittenForm {
  // the fields, in the order of the store's path constants that HandWrittenFormTest maps them to
  public static final int SHIPPING_STREET = 0;
  public static final int SHIPPING_CITY = 1;
  public static final int SHIPPING_ZIP = 2;
  public static final int BILLING_STREET = 3;
  public static final int BILLING_CITY = 4;
  public static final int BILLING_ZIP = 5;
  public static final int IS_BUY = 6;
  public static final int IS_SELL = 7;
  public static final int QUANTITY = 8;
  public static final int PRICE = 9;
  public static final int TOTAL = 10;
  public static final int FIELDS = 11;

  private static final byte STRING = 0;
  private static final byte BOOLEAN = 1;
  private static final byte INT = 2;
  private static final byte DOUBLE = 3;
  private static final String[] KIND_NAME = {"String", "boolean", "int", "double"};
  private static final byte[] KIND = {
      STRING, STRING, STRING, STRING, STRING, STRING, BOOLEAN, BOOLEAN, INT, DOUBLE, DOUBLE};
  /** Depth of each field's path: the addresses' fields are one level below the root's. */
  private static final int[] DEPTH = {2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1};
  /** The sync peer of each field, or -1. */
  private static final int[] SYNC = {3, 4, 5, 0, 1, 2, -1, -1, -1, -1, -1};
  /** The flip peer of each field, or -1. */
  private static final int[] FLIP = {-1, -1, -1, -1, -1, -1, 7, 6, -1, -1, -1};

  private static final VarHandle WRITER;

  static {
    try {
      WRITER = MethodHandles.lookup().findVarHandle(HandWrittenForm.class, "writer", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The result of a batch that applied nothing. */
  private static final View EMPTY = new View(null, new int[0], 0, 0);

  @SuppressWarnings("unused") // through WRITER
  private Thread writer;
  private long generation;
  private final Object[] refs = new Object[FIELDS];
  private final long[] bits = new long[FIELDS];
  // the queue of the running (or last) batch
  private int[] qField = new int[4];
  private long[] qBits = new long[4];
  private Object[] qRef = new Object[4];
  private int qSize;
  private int[] applied = new int[4];
  private int[] ordered = new int[4];
  private final View listenerView = new View(this, ordered, 0, -1);
  private final Edit edit = new Edit();

  /** The form with the store's initial values ({@link Checkout#initial()}). */
  public HandWrittenForm() {
    Checkout c = Checkout.initial();
    refs[SHIPPING_STREET] = c.shipping().street();
    refs[SHIPPING_CITY] = c.shipping().city();
    refs[SHIPPING_ZIP] = c.shipping().zip();
    refs[BILLING_STREET] = c.billing().street();
    refs[BILLING_CITY] = c.billing().city();
    refs[BILLING_ZIP] = c.billing().zip();
    bits[IS_BUY] = c.isBuy() ? 1 : 0;
    bits[IS_SELL] = c.isSell() ? 1 : 0;
    bits[QUANTITY] = c.quantity();
    bits[PRICE] = Double.doubleToLongBits(c.price());
    bits[TOTAL] = Double.doubleToLongBits(c.total());
  }

  // ---- reads ----

  /** The value of a string field. */
  public String getString(int field) {
    return (String) refs[field];
  }

  /** The value of a boolean field. */
  public boolean getBoolean(int field) {
    return bits[field] != 0;
  }

  /** The value of an int field. */
  public int getInt(int field) {
    return (int) bits[field];
  }

  /** The value of a double field. */
  public double getDouble(int field) {
    return Double.longBitsToDouble(bits[field]);
  }

  // ---- single writes: a batch of one ----

  /** Writes a string field (a batch of one); the result is valid until the next batch. */
  public View set(int field, String value) {
    checkString(field, value);
    if (value.equals(refs[field])) {
      return nothing();
    }
    return runOne(field, 0, value);
  }

  /** Writes a boolean field (a batch of one). */
  public View setBoolean(int field, boolean value) {
    return setBits(field, BOOLEAN, value ? 1 : 0);
  }

  /** Writes an int field (a batch of one). */
  public View setInt(int field, int value) {
    return setBits(field, INT, value);
  }

  /** Writes a double field (a batch of one). */
  public View setDouble(int field, double value) {
    return setBits(field, DOUBLE, Double.doubleToLongBits(value));
  }

  private View setBits(int field, byte kind, long b) {
    checkKind(field, kind);
    if (bits[field] == b) {
      return nothing();
    }
    return runOne(field, b, null);
  }

  /** The type check of a string write. */
  private static void checkString(int field, String value) {
    if (value == null || KIND[field] != STRING) {
      throw new IllegalArgumentException("field " + field + ": expected " + KIND_NAME[KIND[field]]
          + ", got " + (value == null ? "null" : "String"));
    }
  }

  /** The type check of a primitive write. */
  private static void checkKind(int field, byte kind) {
    if (KIND[field] != kind) {
      throw new IllegalArgumentException(
          "field " + field + ": expected " + KIND_NAME[KIND[field]] + ", got " + KIND_NAME[kind]);
    }
  }

  /** A batch whose inputs all equal the current values: earlier results go stale, nothing else. */
  private View nothing() {
    generation++;
    return EMPTY;
  }

  /** Starts a batch (one object, reused: do not keep it after {@link Edit#apply()}). */
  public Edit batch() {
    edit.size = 0;
    return edit;
  }

  /** Several writes applied as one run. */
  public final class Edit {
    private int[] field = new int[4];
    private long[] bitsIn = new long[4];
    private Object[] refIn = new Object[4];
    private int size;

    /** Adds a write of a string field. */
    public Edit set(int f, String value) {
      checkString(f, value);
      return add(f, 0, value);
    }

    /** Adds a write of a boolean field. */
    public Edit setBoolean(int f, boolean value) {
      return addBits(f, BOOLEAN, value ? 1 : 0);
    }

    /** Adds a write of an int field. */
    public Edit setInt(int f, int value) {
      return addBits(f, INT, value);
    }

    /** Adds a write of a double field. */
    public Edit setDouble(int f, double value) {
      return addBits(f, DOUBLE, Double.doubleToLongBits(value));
    }

    private Edit addBits(int f, byte kind, long b) {
      checkKind(f, kind);
      return add(f, b, null);
    }

    private Edit add(int f, long b, Object r) {
      if (size == field.length) {
        field = Arrays.copyOf(field, size * 2);
        bitsIn = Arrays.copyOf(bitsIn, size * 2);
        refIn = Arrays.copyOf(refIn, size * 2);
      }
      field[size] = f;
      bitsIn[size] = b;
      refIn[size] = r;
      size++;
      return this;
    }

    /** Runs the batch; the result is valid until the next batch. */
    public View apply() {
      int n = size;
      size = 0;
      boolean any = false;
      for (int i = 0; i < n && !any; i++) {
        any = !equalsCurrent(field[i], bitsIn[i], refIn[i]);
      }
      if (!any) {
        Arrays.fill(refIn, 0, n, null);
        return nothing();
      }
      claim();
      try {
        generation++;
        clearQueue();
        for (int i = 0; i < n; i++) { // stage 1
          if (!equalsCurrent(field[i], bitsIn[i], refIn[i])) {
            enqueue(field[i], bitsIn[i], refIn[i]);
          }
          refIn[i] = null;
        }
        return pipeline(false);
      } finally {
        WRITER.setRelease(HandWrittenForm.this, null);
      }
    }
  }

  // ---- the pipeline ----

  private View runOne(int field, long b, Object r) {
    claim();
    try {
      generation++;
      clearQueue();
      enqueue(field, b, r); // compared already: stage 1 keeps it
      return pipeline(true);
    } finally {
      WRITER.setRelease(this, null);
    }
  }

  private void claim() {
    if (WRITER.getAcquire(this) != null) {
      throw new IllegalStateException("a batch runs already");
    }
    WRITER.setOpaque(this, Thread.currentThread());
  }

  /** Stages 3–8 over the queue holding the inputs that stage 1 kept. */
  private View pipeline(boolean oneInput) {
    int inputs = qSize;
    for (int i = 0; i < inputs; i++) { // 3. sync
      int s = SYNC[qField[i]];
      if (s >= 0) {
        enqueue(s, qBits[i], qRef[i]);
      }
    }
    int synced = qSize;
    for (int i = 0; i < synced; i++) { // 4. flip
      int f = FLIP[qField[i]];
      if (f >= 0) {
        enqueue(f, qBits[i] ^ 1L, null);
      }
    }
    int w = inputs; // 5. expansion no-op filter
    for (int i = inputs; i < qSize; i++) {
      if (!equalsCurrent(qField[i], qBits[i], qRef[i])) {
        qField[w] = qField[i];
        qBits[w] = qBits[i];
        qRef[w] = qRef[i];
        w++;
      }
    }
    for (int i = w; i < qSize; i++) {
      qRef[i] = null;
    }
    qSize = w;
    int kept = w;
    listener(deepestFirst()); // 6 and 7
    if (applied.length < qSize) {
      applied = new int[Math.max(qSize, applied.length * 2)];
    }
    int known = oneInput ? kept : 0;
    int a = 0;
    for (int i = 0; i < qSize; i++) { // 8. apply
      int f = qField[i];
      if (i < known || !equalsCurrent(f, qBits[i], qRef[i])) {
        if (KIND[f] == STRING) {
          refs[f] = qRef[i];
        } else {
          bits[f] = qBits[i];
        }
        applied[a++] = i;
      }
    }
    return new View(this, applied, a, generation);
  }

  /** The queue, deepest path first, stable, in {@link #ordered}; returns its size. */
  private int deepestFirst() {
    int n = qSize;
    if (ordered.length < n) {
      ordered = new int[Math.max(n, ordered.length * 2)];
    }
    int at = 0;
    for (int d = 2; d >= 1; d--) {
      for (int i = 0; i < n; i++) {
        if (DEPTH[qField[i]] == d) {
          ordered[at++] = i;
        }
      }
    }
    return n;
  }

  /** The fields of the last batch's queue in the order its listener saw them (for tests). */
  int[] listenerOrder() {
    int n = deepestFirst();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = qField[ordered[i]];
    }
    return out;
  }

  /**
   * The form's listener, as {@link CheckoutModels#statewire()} registers it: when quantity or price
   * changed, total = quantity × price (the values of this batch where they changed).
   */
  private void listener(int n) {
    View v = listenerView.point(ordered, n, generation);
    try {
      int quantityAt = -1;
      int priceAt = -1;
      for (int i = 0; i < v.size(); i++) {
        int f = v.field(i);
        if (f == QUANTITY) {
          quantityAt = i;
        } else if (f == PRICE) {
          priceAt = i;
        }
      }
      if (quantityAt < 0 && priceAt < 0) {
        return;
      }
      int quantity = quantityAt < 0 ? getInt(QUANTITY) : v.intValue(quantityAt);
      double price = priceAt < 0 ? getDouble(PRICE) : v.doubleValue(priceAt);
      enqueue(TOTAL, Double.doubleToLongBits(quantity * price), null); // 7: no wiring on total
    } finally {
      v.generation = -1;
    }
  }

  private boolean equalsCurrent(int field, long b, Object r) {
    return r != null ? r.equals(refs[field]) : bits[field] == b;
  }

  private void enqueue(int field, long b, Object r) {
    if (qSize == qField.length) {
      int n = qSize * 2;
      qField = Arrays.copyOf(qField, n);
      qBits = Arrays.copyOf(qBits, n);
      qRef = Arrays.copyOf(qRef, n);
    }
    qField[qSize] = field;
    qBits[qSize] = b;
    qRef[qSize] = r;
    qSize++;
  }

  private void clearQueue() {
    for (int i = 0; i < qSize; i++) {
      qRef[i] = null;
    }
    qSize = 0;
  }

  /** The applied changes of a batch, or a listener's view of its queue; stale after the batch. */
  public static final class View {
    private final HandWrittenForm form;
    private int[] index;
    private int size;
    long generation;

    View(HandWrittenForm form, int[] index, int size, long generation) {
      this.form = form;
      this.index = index;
      this.size = size;
      this.generation = generation;
    }

    View point(int[] index, int size, long generation) {
      this.index = index;
      this.size = size;
      this.generation = generation;
      return this;
    }

    /** Number of changes in the view. */
    public int size() {
      return size;
    }

    private int at(int i) {
      if (i < 0 || i >= size) {
        throw new IndexOutOfBoundsException(i);
      }
      if (form.generation != generation) {
        throw new IllegalStateException("stale view");
      }
      return index[i];
    }

    /** The field of change {@code i}. */
    public int field(int i) {
      return form.qField[at(i)];
    }

    /** The value of change {@code i}, of a string field. */
    public String stringValue(int i) {
      return (String) form.qRef[at(i)];
    }

    /** The value of change {@code i}, of a boolean field. */
    public boolean booleanValue(int i) {
      return form.qBits[at(i)] != 0;
    }

    /** The value of change {@code i}, of an int field. */
    public int intValue(int i) {
      return (int) form.qBits[at(i)];
    }

    /** The value of change {@code i}, of a double field. */
    public double doubleValue(int i) {
      return Double.longBitsToDouble(form.qBits[at(i)]);
    }
  }
}
