package dev.statewire.sample;

import dev.statewire.sample.window.OrderTicketWindow;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Starts the JavaFX toolkit, shows the order ticket window and waits until it is closed. */
final class WindowLauncher {
  /**
   * JavaFX's own logger. The app runs JavaFX from the class path (as {@code exec:java} does), which
   * JavaFX warns of at every start; held here so that its quieter level stays set.
   */
  private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

  private WindowLauncher() {}

  /**
   * Shows the window and returns when it has been closed (empty), or returns why the toolkit
   * could not start (no window was shown).
   */
  static Optional<String> showAndWait() {
    JAVAFX_LOG.setLevel(Level.SEVERE);
    try {
      Platform.startup(() -> {});
    } catch (RuntimeException | LinkageError e) {
      return Optional.of("the JavaFX toolkit did not start: "
          + (e.getMessage() != null ? e.getMessage() : e.toString()));
    }
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        Stage stage = new Stage();
        new OrderTicketWindow(OrderTickets.openStore()).showIn(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.complete(null));
      } catch (RuntimeException e) {
        closed.completeExceptionally(e);
      }
    });
    try {
      closed.join();
    } finally {
      Platform.exit();
    }
    return Optional.empty();
  }
}
