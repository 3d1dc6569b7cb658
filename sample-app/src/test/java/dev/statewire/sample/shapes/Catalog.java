package dev.statewire.sample.shapes;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;

/** Conformance shape S3: select-all over five items, and two synced quantities. */
@State
@Sync({"items.k1.qty", "items.k2.qty"})
@Aggregate(
    target = "allSelected",
    sources = {
      "items.k1.selected", "items.k2.selected", "items.k3.selected", "items.k4.selected",
      "items.k5.selected"
    })
public record Catalog(Items items, Boolean allSelected) {}
