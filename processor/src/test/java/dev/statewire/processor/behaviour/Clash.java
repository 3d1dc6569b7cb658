package dev.statewire.processor.behaviour;

import dev.statewire.annotations.State;

/**
 * Ordinary names whose generated names collide (docs/COMPILE_ERRORS.md, "Generated names"):
 * {@code count} and {@code XPaths.COUNT}, {@code customer.id} and {@code customerId} (both
 * {@code CUSTOMER_ID}), {@code store} and the store's {@code store()}, {@code store_}, a view's
 * {@code path()} and {@code pathId()}, and {@code aB} and {@code a_b} (both {@code A_B}).
 */
@State
public record Clash(int count, Customer customer, String customerId, String store, String store_, Part part) {

  /** A customer: its {@code id} path is {@code customer.id}. */
  public record Customer(String id) {}

  /** Components named like the view's own methods and the setter's parameter. */
  public record Part(String path, String pathId, int id, String value, String aB, String a_b) {}
}
