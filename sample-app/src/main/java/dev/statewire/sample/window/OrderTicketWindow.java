package dev.statewire.sample.window;

import dev.statewire.javafx.FxStore;
import dev.statewire.runtime.Registration;
import dev.statewire.sample.OrderTicketPaths;
import dev.statewire.sample.OrderTicketStore;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The order ticket form on an {@link OrderTicketStore}: the two addresses ({@code @Sync}), buy or
 * sell ({@code @Flip}), the lines with "select all" ({@code @Aggregate}), the total kept by the
 * store's listener, and the changes of the last batch by stage. Every control writes the store
 * and shows what the store holds after each batch. Confined to the JavaFX thread.
 *
 * <p>Controls carry ids for tests: {@code #shippingStreet} ... {@code #billingZip}, {@code #buy},
 * {@code #sell}, {@code #selectAll}, {@code #lines}, {@code #addLine}, {@code #removeLine},
 * {@code #total}, {@code #changes}, {@code #status}.
 */
public final class OrderTicketWindow implements AutoCloseable {
  /** The window's size at start. */
  public static final double WIDTH = 1160;
  public static final double HEIGHT = 580;

  private final FxStore fx;
  private final Registration changesFeed;
  private final BorderPane root;
  private boolean closed;

  /** Builds the form on {@code store}; call on the JavaFX thread. */
  public OrderTicketWindow(OrderTicketStore store) {
    fx = FxStore.of(store.store());
    Label status = new Label();
    status.setId("status");
    status.setStyle("-fx-text-fill: #b00020;");
    fx.setErrorHandler(e -> status.setText("rejected: " + e.getMessage()));

    ChangesPanel changes = new ChangesPanel();
    changesFeed = store.subscribe(changes::show);

    Label title = new Label("Order ticket");
    title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
    LinesPane lines = new LinesPane(store, fx);
    VBox.setVgrow(lines.node(), Priority.ALWAYS);
    VBox form = new VBox(12, title, AddressForm.create(fx), side(), lines.node(),
        new HBox(24, total(fx.doubleProperty(OrderTicketPaths.TOTAL)), status));
    root = new BorderPane(form);
    root.setRight(changes.node());
    BorderPane.setMargin(changes.node(), new Insets(0, 0, 0, 16));
    root.setPadding(new Insets(16));
  }

  /** The form, to put in a scene. */
  public Parent root() {
    return root;
  }

  /** Shows the form in {@code stage}; closing the stage {@linkplain #close() closes} the form. */
  public void showIn(Stage stage) {
    stage.setTitle("statewire sample app: order ticket");
    stage.setScene(new Scene(root, WIDTH, HEIGHT));
    stage.setOnHidden(e -> close());
    stage.show();
    // Some window managers (seen: openbox on Xvfb) map the first window at 200 x 200 while JavaFX
    // reports the scene's size; sizing it again once it is shown gives it the scene's size.
    Platform.runLater(stage::sizeToScene);
  }

  /** Buy or sell: two radio buttons on two flipped paths. The {@code @Flip} is their toggle group. */
  private HBox side() {
    RadioButton buy = new RadioButton("Buy");
    buy.setId("buy");
    buy.selectedProperty().bindBidirectional(fx.booleanProperty(OrderTicketPaths.IS_BUY));
    RadioButton sell = new RadioButton("Sell");
    sell.setId("sell");
    sell.selectedProperty().bindBidirectional(fx.booleanProperty(OrderTicketPaths.IS_SELL));
    Label hint = new Label("(@Flip: isSell is always the opposite of isBuy)");
    hint.setStyle("-fx-text-fill: #666;");
    HBox side = new HBox(16, new Label("Side"), buy, sell, hint);
    side.setStyle("-fx-alignment: center-left;");
    return side;
  }

  private static Label total(DoubleProperty total) {
    Label label = new Label();
    label.setId("total");
    label.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
    label.textProperty().bind(Bindings.createStringBinding(
        () -> String.format(Locale.ROOT, "Total %.2f", total.get()), total));
    return label;
  }

  /** Stops following the store: the form's properties and the changes panel. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    changesFeed.close();
    fx.close();
  }
}
