package dev.statewire.processor.behaviour;

import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import org.immutables.value.Value;

/**
 * An Immutables type with a style of its own: {@code AbstractBoard} is the abstract type and
 * {@link Board} the class Immutables generates, and the accessors carry bean prefixes, so the
 * paths are the attributes {@code title}, {@code open}, {@code closed} and {@code heading}.
 */
@State
@Value.Immutable
@Value.Style(get = {"get*", "is*"}, init = "set*", typeAbstract = "Abstract*", typeImmutable = "*")
public abstract class AbstractBoard {
  public abstract String getTitle();

  @Sync("title")
  public abstract String getHeading();

  public abstract boolean isOpen();

  @Flip("open")
  public abstract boolean isClosed();
}
