package dev.statewire.runtime;

/**
 * Observes the value at one path ({@link Store#observe(Path, Observer)}): told once per round,
 * after the batch has committed and its subscribers have run, when the value at the path differs
 * from what it was before the round.
 *
 * <p>A <em>round</em> is the caller's batch plus the batches that subscribers and observers start
 * from it (each runs after the one before has finished, never nested). An observer sees the value
 * before the caller's batch and after the last batch of the round, never a value in between, and is
 * told at most once per round. Values are those the store's getters return: as {@link
 * Store#get(Path)} for a typed registration ({@code null} when absent), as {@link Store#get(int)}
 * for one by path ID ({@link Store#ABSENT} when absent). A record, map or list is the whole value;
 * an observer on such a node path is told once when anything below it changed.
 *
 * <p>An observer may read and write the store: its writes run as a new batch once every observer
 * of the round has been told. An exception it throws goes to the current thread's uncaught
 * exception handler; the other observers are still told, and the batch stays committed.
 *
 * @param <T> the path's value type
 */
@FunctionalInterface
public interface Observer<T> {
  /**
   * The value at the observed path changed.
   *
   * @param before the value before the round
   * @param after the value after the round
   */
  void changed(T before, T after);

  /**
   * The observed path was removed with its map or list entry (the entry itself, or an entry
   * above it). The registration is closed once this returns: the path ID may name another entry
   * later. By default calls {@link #changed changed(before, null)}.
   *
   * @param before the value before the round in which the entry was removed
   */
  default void removed(T before) {
    changed(before, null);
  }
}
