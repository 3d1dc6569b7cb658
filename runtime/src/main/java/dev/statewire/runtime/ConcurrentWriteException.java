package dev.statewire.runtime;

/**
 * A write from a second thread while a batch runs on another. A store is single-writer: confine it
 * to one thread, or serialise access to it.
 */
public final class ConcurrentWriteException extends StateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names both threads. */
  public ConcurrentWriteException(String message) {
    super(message);
  }
}
