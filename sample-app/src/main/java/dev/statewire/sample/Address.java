package dev.statewire.sample;

/** A postal address. */
public record Address(String street, String city, String zip) {}
