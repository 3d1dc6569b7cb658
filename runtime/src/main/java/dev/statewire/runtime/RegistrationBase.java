package dev.statewire.runtime;

/**
 * A registration that is in force until it ends, once: closing it a second time throws, naming
 * it. Subclasses say when a close is allowed and what ending undoes.
 */
abstract class RegistrationBase implements Registration {
  /** Whether the registration is in force. */
  private boolean active = true;

  @Override
  public final boolean isActive() {
    return active;
  }

  @Override
  public final void close() {
    if (!active) {
      throw new IllegalStateException(closedAgain());
    }
    checkCanClose();
    end();
  }

  /** Ends the registration without the checks of {@link #close} (its entry left, taking it along). */
  final void end() {
    active = false;
    ended();
  }

  /** The message of a second close. */
  abstract String closedAgain();

  /** Throws if the registration may not be closed now; it always may unless a subclass says so. */
  void checkCanClose() {}

  /** Takes out what the registration added (it has ended). */
  abstract void ended();
}
