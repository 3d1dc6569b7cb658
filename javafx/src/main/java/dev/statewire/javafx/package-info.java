/**
 * The JavaFX binding of statewire: {@link dev.statewire.javafx.FxStore} gives JavaFX properties
 * and read-only observable map and list views of a {@link dev.statewire.runtime.Store}'s paths,
 * updated once per batch after it commits. See docs/JAVAFX.md.
 */
package dev.statewire.javafx;
