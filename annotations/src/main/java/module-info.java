/** The statewire annotations: {@code @State}, {@code @Sync}, {@code @Flip}, {@code @Aggregate}. */
module dev.statewire.annotations {
  exports dev.statewire.annotations;
}
