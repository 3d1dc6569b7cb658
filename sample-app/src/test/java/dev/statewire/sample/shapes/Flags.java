package dev.statewire.sample.shapes;

import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;

/**
 * Conformance shape S2: a flip group of three, paths in both a flip and a sync group. The
 * wiring is what the shape exercises, so its two warnings are silenced on purpose.
 */
@State
@Flip({"a", "b"})
@Flip({"b", "c"})
@Flip({"d", "e"})
@Flip({"group.x", "group.y"})
@Sync({"e", "f"})
@Sync({"g", "h"})
@Sync({"h", "group.x"})
@SuppressWarnings({"statewire:flip-group", "statewire:flip-synced"})
public record Flags(
    boolean a, boolean b, boolean c, boolean d, boolean e, boolean f, boolean g, boolean h,
    Group group) {}
