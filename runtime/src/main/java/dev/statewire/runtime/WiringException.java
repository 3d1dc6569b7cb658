package dev.statewire.runtime;

/**
 * Runtime wiring that cannot be registered: paths of different types, a flip on a non-boolean, a
 * member synced with its own ancestor, a circular aggregation.
 */
public final class WiringException extends StateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names both paths and the rule. */
  public WiringException(String message) {
    super(message);
  }
}
