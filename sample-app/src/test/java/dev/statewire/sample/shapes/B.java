package dev.statewire.sample.shapes;

/** S4: the middle record. */
public record B(C c, int f) {}
