package dev.statewire.javafx;

/**
 * One JavaFX object that shows the value of a path: a property or a map or list view. Its {@link
 * Slot} calls it with each value the store reports.
 */
interface View {

  /**
   * Shows {@code value}, the path's committed value ({@code null} when null or absent), firing the
   * object's listeners if what it shows changed.
   */
  void update(Object value);

  /** Releases what the view holds outside the FxStore (the source of a {@code bind}); idempotent. */
  void release();
}
