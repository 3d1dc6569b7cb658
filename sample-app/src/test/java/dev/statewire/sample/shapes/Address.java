package dev.statewire.sample.shapes;

/** S1/S5: an address. */
public record Address(String street, String city, String zip) {}
