package dev.statewire.sample.shapes;

import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;

/**
 * Conformance shape S4: a subtree sync, and a leaf synced into the other synced subtree (the
 * nested-sync warning is what the shape exercises, so it is silenced on purpose).
 */
@State
@Sync({"a.b", "x.b"})
@Sync({"a.g", "x.b.c.e"})
@SuppressWarnings("statewire:nested-sync")
public record Nested(A a, A x) {}
