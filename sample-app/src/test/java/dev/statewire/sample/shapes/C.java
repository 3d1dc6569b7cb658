package dev.statewire.sample.shapes;

/** S4: the innermost record. */
public record C(int d, String e) {}
