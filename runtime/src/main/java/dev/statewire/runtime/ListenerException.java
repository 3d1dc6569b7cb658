package dev.statewire.runtime;

/**
 * A listener threw. The batch was abandoned and nothing was applied; the listener's exception is
 * the {@linkplain #getCause() cause}.
 */
public final class ListenerException extends StateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the listener's path. */
  public ListenerException(String message, Throwable cause) {
    super(message, cause);
  }
}
