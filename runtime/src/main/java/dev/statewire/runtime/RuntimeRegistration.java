package dev.statewire.runtime;

/**
 * Wiring registered at run time through {@link Wiring} (a sync or flip pair, an aggregation): the
 * part that holds the wiring lists its registrations, so that an entry that leaves takes the
 * registrations naming its paths with it. Closing one undoes exactly what it added.
 */
abstract class RuntimeRegistration extends RegistrationBase {
  /** The store's engine: a registration is closed between batches only. */
  private final Engine engine;

  RuntimeRegistration(Engine engine) {
    this.engine = engine;
  }

  @Override
  String closedAgain() {
    return this + " was closed already";
  }

  @Override
  void checkCanClose() {
    engine.checkIdle("close a registration");
  }

  @Override
  void ended() {
    forget();
    undo();
  }

  /** The entry that one of its paths is in has left, taking the wiring with it: ends it. */
  void detach() {
    end();
  }

  /** Takes the registration off its owner's list. */
  abstract void forget();

  /** Takes out what the registration added. */
  abstract void undo();

  /** Whether the registration names a path among the IDs {@code [from, to)}. */
  abstract boolean touches(int from, int to);
}
