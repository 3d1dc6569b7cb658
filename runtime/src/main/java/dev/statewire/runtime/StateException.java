package dev.statewire.runtime;

/**
 * Base class of the exceptions the store throws for bad input. When one is thrown by a write or a
 * batch, the store is exactly as it was before the call.
 */
public class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that names the path and the expected and actual value. */
  public StateException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
