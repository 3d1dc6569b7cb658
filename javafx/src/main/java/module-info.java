/**
 * The JavaFX binding of statewire: properties and observable views of a store's paths ({@code
 * dev.statewire.javafx.FxStore}). Needs only {@code javafx.base}; controls bind to its
 * properties like to any other.
 */
module dev.statewire.javafx {
  // transitive: the API takes and returns the runtime's Store and Path and JavaFX's properties
  requires transitive dev.statewire.runtime;
  requires transitive javafx.base;

  exports dev.statewire.javafx;
}
