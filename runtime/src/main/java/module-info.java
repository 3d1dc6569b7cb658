/**
 * The statewire runtime: the change pipeline over dense path IDs. The public API is
 * {@code dev.statewire.runtime}; {@code dev.statewire.runtime.internal} is not exported.
 */
module dev.statewire.runtime {
  exports dev.statewire.runtime;
}
