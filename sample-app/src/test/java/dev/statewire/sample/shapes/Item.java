package dev.statewire.sample.shapes;

/** S3: one catalog item. */
public record Item(boolean selected, int qty, String label) {}
