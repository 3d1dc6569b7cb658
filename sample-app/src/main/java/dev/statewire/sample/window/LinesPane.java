package dev.statewire.sample.window;

import dev.statewire.javafx.FxStore;
import dev.statewire.sample.LineItem;
import dev.statewire.sample.OrderTicketPaths;
import dev.statewire.sample.OrderTicketStore;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lines: a table with a "selected" check box per line, "select all" above it
 * ({@code @Aggregate}), and buttons to add and remove lines.
 *
 * <p>"Select all" shows {@code allSelected}: checked when every line is selected, unchecked when
 * none is, indeterminate when the lines disagree (and when there are none; then it is disabled).
 * Clicking it writes {@code allSelected}, which the store fans out to every line: from unchecked
 * or indeterminate it selects every line, from checked it unselects every line.
 */
final class LinesPane {
  /** What "Add line" adds, in turn: product and price. */
  private static final List<LineItem> CATALOGUE = List.of(
      new LineItem("pad", 1, 3.0, false, true),
      new LineItem("clip", 1, 0.25, false, true),
      new LineItem("tape", 1, 2.0, false, true));

  private final OrderTicketStore store;
  private final FxStore fx;
  /** The lines after the last batch (FxStore's read-only view): the rows and cells follow it. */
  private final ObservableMap<String, LineItem> lines;
  /** The rows: the lines' keys in the store's order. A row stays while its line changes. */
  private final ObservableList<String> rows = FXCollections.observableArrayList();
  private final TableView<String> table = new TableView<>(rows);
  private final CheckBox selectAll = new CheckBox("Select all (@Aggregate of lines.*.selected)");
  private final Property<Boolean> allSelected;
  private final VBox node;
  private int added;

  LinesPane(OrderTicketStore store, FxStore fx) {
    this.store = store;
    this.fx = fx;
    lines = fx.map(OrderTicketPaths.LINES);
    rows.setAll(store.lines().keys());
    lines.addListener(this::lineChanged);

    allSelected = fx.property(OrderTicketPaths.ALL_SELECTED);
    selectAll.setId("selectAll");
    selectAll.setAllowIndeterminate(false); // a click never asks for "indeterminate"
    selectAll.disableProperty().bind(Bindings.isEmpty(rows));
    showAllSelected(allSelected.getValue());
    allSelected.addListener((o, was, now) -> showAllSelected(now));
    selectAll.setOnAction(e -> {
      allSelected.setValue(selectAll.isSelected()); // after a click from indeterminate: true
      showAllSelected(allSelected.getValue());      // the store's answer, even if unchanged
    });

    table.setId("lines");
    table.setEditable(true); // only the "selected" column has an editor: its check box
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefHeight(220);
    TableColumn<String, String> key = new TableColumn<>("Line");
    key.setId("keyColumn");
    key.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
    table.getColumns().add(key);
    table.getColumns().add(column("Product", "productColumn", LineItem::product));
    table.getColumns().add(column("Qty", "qtyColumn", LineItem::qty));
    table.getColumns().add(column("Price", "priceColumn",
        line -> String.format(Locale.ROOT, "%.2f", line.price())));
    table.getColumns().add(selectedColumn());
    table.getColumns().add(column("Parked (@Flip)", "parkedColumn",
        line -> line.parked() ? "parked" : ""));
    for (TableColumn<String, ?> column : table.getColumns()) {
      column.setSortable(false);
      column.setReorderable(false);
    }

    Button add = new Button("Add line");
    add.setId("addLine");
    add.setOnAction(e -> addLine());
    Button remove = new Button("Remove line");
    remove.setId("removeLine");
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    remove.setOnAction(e -> store.lines().remove(table.getSelectionModel().getSelectedItem()));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, selectAll, gap, add, remove);
    bar.setStyle("-fx-alignment: center-left;");
    VBox.setVgrow(table, Priority.ALWAYS);
    node = new VBox(6, bar, table);
  }

  Node node() {
    return node;
  }

  /** Checked, unchecked, or indeterminate for {@code null} (the lines disagree, or there are none). */
  private void showAllSelected(Boolean all) {
    selectAll.setIndeterminate(all == null);
    selectAll.setSelected(Boolean.TRUE.equals(all));
  }

  /**
   * Adds a row for a new key (last, as the store orders keys) and removes the row of a key that
   * is gone. A changed line keeps its row (its cells follow the map), so the table keeps its
   * selection and focus while a line's check box is clicked.
   */
  private void lineChanged(MapChangeListener.Change<? extends String, ? extends LineItem> change) {
    if (!change.wasAdded()) {
      rows.remove(change.getKey());
    } else if (!change.wasRemoved()) {
      rows.add(change.getKey());
    }
  }

  /** The check box of each line, bound both ways to that line's {@code selected} path. */
  private TableColumn<String, Boolean> selectedColumn() {
    TableColumn<String, Boolean> selected = new TableColumn<>("Selected");
    selected.setId("selectedColumn");
    selected.setEditable(true);
    selected.setCellValueFactory(cell -> lineSelected(cell.getValue()));
    selected.setCellFactory(CheckBoxTableCell.forTableColumn(selected));
    return selected;
  }

  /**
   * The property of {@code lines.<key>.selected}, through the line view's typed handle. The
   * FxStore drops it when the line is removed; a line added later under the same key is a new path.
   */
  private BooleanProperty lineSelected(String key) {
    return fx.booleanProperty(store.lines().get(key).selectedPath());
  }

  /** Adds the next catalogue product, not selected, under a new key. */
  private void addLine() {
    LineItem item;
    String key;
    do {
      item = CATALOGUE.get(added % CATALOGUE.size());
      added++;
      key = item.product() + (added > CATALOGUE.size() ? "-" + added : "");
    } while (store.lines().containsKey(key));
    store.lines().put(key, item);
  }

  /** A read-only column showing {@code value} of each row's line as the map holds it. */
  private <T> TableColumn<String, T> column(String title, String id, Function<LineItem, T> value) {
    TableColumn<String, T> column = new TableColumn<>(title);
    column.setId(id);
    column.setEditable(false);
    column.setCellValueFactory(cell -> Bindings.valueAt(lines, cell.getValue()).map(value));
    return column;
  }
}
