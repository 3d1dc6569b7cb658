package dev.statewire.sample;

import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import org.immutables.value.Value;

/**
 * The README's second example: a state type declared with Immutables rather than as a record. The
 * store builds its values with {@code ImmutableContact}, the class Immutables generates, so its
 * snapshots are {@code ImmutableContact}s. Both processors run in this module's build (see its
 * {@code annotationProcessorPaths}).
 */
@State
@Value.Immutable
public interface Contact {
  String name();

  /** Follows {@link #name()}. */
  @Sync("name")
  String displayName();

  boolean isPublic();

  /** Always the opposite of {@link #isPublic()}. */
  @Flip("isPublic")
  boolean isPrivate();
}
