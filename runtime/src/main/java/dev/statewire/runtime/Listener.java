package dev.statewire.runtime;

/**
 * Reacts to the changes of a batch at, below or above its path, after sync and flip and before
 * anything is applied; the deepest listener path runs first. A listener may
 * return further changes through {@link ListenerEvent#emit}; they run through aggregation writes,
 * sync and flip, but never call listeners again. It must not write to the store directly: such a
 * write throws {@link IllegalStateException}. If it throws, the batch is abandoned and nothing is
 * applied.
 */
@FunctionalInterface
public interface Listener {

  /** Called once per batch in which at least one change matches this listener's path. */
  void onChanges(ListenerEvent event);
}
