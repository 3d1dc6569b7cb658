package dev.statewire.runtime;

/** A value whose type does not fit the path it is written to. */
public final class ValueTypeException extends StateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the path, the expected and the actual type. */
  public ValueTypeException(String message) {
    super(message);
  }
}
