package dev.statewire.runtime;

import java.util.Objects;
import java.util.Set;

/**
 * One change, detached from the store: an absolute path, the value written, the flags of the
 * stages it came from, and the user's tag object (or {@code null}). Obtained from
 * {@link Changes#toList()} or {@link Changes#get(int)}.
 *
 * @param pathId the path's ID in the store that produced it
 * @param path the path as a dot string, e.g. {@code "shipping.zip"}
 * @param value the value written; {@code null} for null, {@link Store#ABSENT} for a removal
 * @param flags the stages the change came from; empty for user input
 * @param tag the tag object of the batch it derives from, or {@code null}
 */
public record Change(int pathId, String path, Object value, Set<ChangeFlag> flags, Object tag) {
  /** Validates and copies the flag set. */
  public Change {
    Objects.requireNonNull(path, "path");
    flags = Set.copyOf(flags);
  }
}
