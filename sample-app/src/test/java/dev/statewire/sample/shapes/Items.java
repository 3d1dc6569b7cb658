package dev.statewire.sample.shapes;

/** S3: five items as record components (the conformance README allows this form). */
public record Items(Item k1, Item k2, Item k3, Item k4, Item k5) {}
