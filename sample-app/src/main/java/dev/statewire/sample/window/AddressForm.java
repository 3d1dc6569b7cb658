package dev.statewire.sample.window;

import dev.statewire.javafx.FxStore;
import dev.statewire.runtime.Path;
import dev.statewire.sample.OrderTicketPaths;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Shipping and billing address side by side; billing follows shipping and back ({@code @Sync}). */
final class AddressForm {
  private AddressForm() {}

  static GridPane create(FxStore fx) {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, new Label(), bold("Shipping"), bold("Billing (@Sync with shipping)"));
    grid.addRow(1, new Label("Street"),
        field(fx, OrderTicketPaths.SHIPPING_STREET, "shippingStreet"),
        field(fx, OrderTicketPaths.BILLING_STREET, "billingStreet"));
    grid.addRow(2, new Label("City"),
        field(fx, OrderTicketPaths.SHIPPING_CITY, "shippingCity"),
        field(fx, OrderTicketPaths.BILLING_CITY, "billingCity"));
    grid.addRow(3, new Label("Zip"),
        field(fx, OrderTicketPaths.SHIPPING_ZIP, "shippingZip"),
        field(fx, OrderTicketPaths.BILLING_ZIP, "billingZip"));
    return grid;
  }

  /** A text field bound both ways to {@code path}: each keystroke is one batch. */
  private static TextField field(FxStore fx, Path<String> path, String id) {
    TextField field = new TextField();
    field.setId(id);
    field.setPrefColumnCount(18);
    field.textProperty().bindBidirectional(fx.stringProperty(path));
    return field;
  }

  private static Label bold(String text) {
    Label label = new Label(text);
    label.setStyle("-fx-font-weight: bold;");
    return label;
  }
}
