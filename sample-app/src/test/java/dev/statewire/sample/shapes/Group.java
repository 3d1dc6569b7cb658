package dev.statewire.sample.shapes;

/** S2: a nested pair of flags. */
public record Group(boolean x, boolean y) {}
