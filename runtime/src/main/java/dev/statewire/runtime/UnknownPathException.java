package dev.statewire.runtime;

/** A path string, or a container entry, that does not exist in the store. */
public final class UnknownPathException extends StateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the path. */
  public UnknownPathException(String message) {
    super(message);
  }
}
