package dev.statewire.sample;

import dev.statewire.sample.window.OrderTicketWindow;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sample app: the order ticket on the store generated from {@link OrderTicket}, in a JavaFX
 * window ({@link OrderTicketWindow}) where a display exists, else as the
 * {@link ConsoleWalkthrough console walkthrough}, after one line that says why.
 *
 * <p>{@code --console} runs the walkthrough on any machine.
 */
public final class OrderTicketApp {
  private OrderTicketApp() {}

  /** Opens the window, or runs the console walkthrough where there is no display. */
  public static void main(String[] args) {
    if (!Arrays.asList(args).contains("--console")) {
      Optional<String> noDisplay = missingDisplay(System.getenv(), System.getProperty("os.name", ""))
          .or(WindowLauncher::showAndWait);
      if (noDisplay.isEmpty()) {
        return; // the window was shown and closed
      }
      System.out.println(
          "no display (" + noDisplay.get() + "): running the console walkthrough instead");
    }
    ConsoleWalkthrough.run(System.out);
  }

  /**
   * Why no window can open before the toolkit is even tried, or empty: on Linux, JavaFX needs an
   * X display, named by {@code DISPLAY}. Elsewhere the toolkit's start decides.
   */
  static Optional<String> missingDisplay(Map<String, String> env, String osName) {
    boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
    String display = env.get("DISPLAY");
    if (linux && (display == null || display.isBlank())) {
      return Optional.of("DISPLAY is not set");
    }
    return Optional.empty();
  }
}
