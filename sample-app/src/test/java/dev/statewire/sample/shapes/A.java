package dev.statewire.sample.shapes;

/** S4: the outer record, used twice. */
public record A(B b, String g) {}
