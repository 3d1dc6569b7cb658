package dev.statewire.runtime;

/**
 * Wiring registered at run time through {@link Wiring} (a sync or flip pair, an aggregation): the
 * part that holds the wiring lists its registrations, so that an entry that leaves takes the
 * registrations naming its paths with it. Closing one undoes exactly what it added.
 */
abstract class RuntimeRegistration implements Registration {
  /** The store's engine: a registration is closed between batches only. */
  private final Engine engine;
  /** Whether the registration is in force. */
  private boolean active = true;

  RuntimeRegistration(Engine engine) {
    this.engine = engine;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void close() {
    if (!active) {
      throw new IllegalStateException(this + " was closed already");
    }
    engine.checkIdle("close a registration");
    active = false;
    forget();
    undo();
  }

  /** The entry that one of its paths is in has left, taking the wiring with it: closes it. */
  void detach() {
    active = false;
    forget();
    undo();
  }

  /** Takes the registration off its owner's list. */
  abstract void forget();

  /** Takes out what the registration added. */
  abstract void undo();

  /** Whether the registration names a path among the IDs {@code [from, to)}. */
  abstract boolean touches(int from, int to);
}
