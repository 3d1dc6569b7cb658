package dev.statewire.sample;

/**
 * The sample app: an order ticket on the store generated from {@link OrderTicket}, as the
 * {@link ConsoleWalkthrough console walkthrough}.
 */
public final class OrderTicketApp {
  private OrderTicketApp() {}

  /** Runs the walkthrough. */
  public static void main(String[] args) {
    ConsoleWalkthrough.run(System.out);
  }
}
