package dev.statewire.runtime;

/**
 * A handle on wiring or a listener added at run time. {@link #close()} removes exactly what the
 * registration added (edges, aggregation entries, the listener) and never changes state values.
 */
public interface Registration extends AutoCloseable {

  /** Whether this registration is still in effect. */
  boolean isActive();

  /**
   * Removes what this registration added.
   *
   * @throws IllegalStateException if it was closed before (closing twice is a programming error),
   *     or if called from a listener while a batch runs
   */
  @Override
  void close();
}
