package dev.statewire.sample.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.sample.LineItem;
import dev.statewire.sample.OrderTicket;
import dev.statewire.sample.OrderTicketStore;
import dev.statewire.sample.OrderTickets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The order ticket window driven as a user would, headless (TestFX on Monocle, see the
 * module's surefire configuration): each test clicks and types, then reads the controls and the
 * store. Reads run on the JavaFX thread, after the events the robot caused.
 */
@ExtendWith(ApplicationExtension.class)
class OrderTicketWindowTest {
  private OrderTicketStore store;
  private OrderTicketWindow window;

  @Start
  void start(Stage stage) {
    store = OrderTickets.openStore(); // lines pen (2 x 1.50) and ink (1 x 4.00), both selected
    window = new OrderTicketWindow(store);
    window.showIn(stage);
  }

  @Stop
  void stop() {
    window.close();
  }

  @Test
  void typingInAShippingFieldFillsTheBillingFieldAndBack(FxRobot robot) throws Exception {
    replaceText(robot, "#shippingStreet", "Na Prikope 5");
    assertEquals("Na Prikope 5", text(robot, "#billingStreet"));
    assertEquals("Na Prikope 5", onFx(() -> store.snapshot().billing().street()));
    assertTrue(changes(robot).stream().anyMatch(
        line -> line.matches("sync +billing\\.street += Na Prikope 5")), changes(robot).toString());

    replaceText(robot, "#billingCity", "Brno");
    assertEquals("Brno", text(robot, "#shippingCity"));
    assertEquals("Brno", onFx(() -> store.snapshot().shipping().city()));
  }

  @Test
  void clickingSellUnselectsBuy(FxRobot robot) throws Exception {
    assertTrue(radio(robot, "#buy").isSelected());
    robot.clickOn("#sell");
    assertFalse(onFx(() -> radio(robot, "#buy").isSelected()));
    assertTrue(onFx(() -> radio(robot, "#sell").isSelected()));
    assertFalse(onFx(() -> store.isBuy()));
    assertTrue(onFx(() -> store.isSell()));
    assertEquals(List.of("input", "flip"), stagesOf(changes(robot)));

    robot.clickOn("#buy");
    assertTrue(onFx(() -> store.isBuy()));
    assertFalse(onFx(() -> radio(robot, "#sell").isSelected()));
  }

  @Test
  void selectAllChecksEveryLine(FxRobot robot) throws Exception {
    assertSelectAll(robot, true, false); // pen and ink are selected
    robot.clickOn("#addLine");           // pad, not selected: the lines disagree
    assertEquals(List.of("pen", "ink", "pad"), rowKeys(robot));
    assertSelectAll(robot, false, true);
    assertNull(onFx(() -> store.allSelected()));

    robot.clickOn("#selectAll");         // from indeterminate: select every line
    assertSelectAll(robot, true, false);
    assertEquals(List.of(true, true, true), lineCheckBoxes(robot));
    assertEquals(List.of(true, true, true), storeSelected());
    assertEquals(Boolean.TRUE, onFx(() -> store.allSelected()));
    assertEquals("Total 10.00", text(robot, "#total"));
    assertEquals(List.of("aggregation", "flip", "listener", "aggregate read"),
        stagesOf(changes(robot)), "the write to allSelected fans out to pad only");

    robot.clickOn("#selectAll");         // from checked: unselect every line
    assertSelectAll(robot, false, false);
    assertEquals(List.of(false, false, false), lineCheckBoxes(robot));
    assertEquals(List.of(false, false, false), storeSelected());
    assertEquals("Total 0.00", text(robot, "#total"));
  }

  @Test
  void uncheckingOneLineMakesSelectAllIndeterminate(FxRobot robot) throws Exception {
    assertEquals("Total 7.00", text(robot, "#total"));
    robot.clickOn(lineCheckBox(robot, "pen"));
    assertEquals(List.of(false, true), lineCheckBoxes(robot));
    assertSelectAll(robot, false, true);
    LineItem pen = onFx(() -> store.lines().get("pen").snapshot());
    assertFalse(pen.selected());
    assertTrue(pen.parked(), "@Flip in the line");
    assertNull(onFx(() -> store.allSelected()));
    assertEquals("Total 4.00", text(robot, "#total"));
    assertEquals(List.of("input", "flip", "listener", "aggregate read"), stagesOf(changes(robot)));
  }

  @Test
  void removingALineUpdatesTheTableTheTotalAndSelectAll(FxRobot robot) throws Exception {
    robot.clickOn(cell(robot, "ink", "productColumn")); // the row to remove
    robot.clickOn(lineCheckBox(robot, "ink"));          // unselected: select-all indeterminate
    assertSelectAll(robot, false, true);
    assertEquals("ink", onFx(() -> robot.lookup("#lines").queryTableView()
        .getSelectionModel().getSelectedItem()), "the row stays selected while its line changes");
    robot.clickOn("#removeLine");
    assertEquals(List.of("pen"), rowKeys(robot));
    assertEquals(List.of("pen"), onFx(() -> store.lines().keys()));
    assertSelectAll(robot, true, false);   // the one line left is selected
    assertEquals("Total 3.00", text(robot, "#total"));

    robot.clickOn(cell(robot, "pen", "productColumn"));
    robot.clickOn("#removeLine");
    assertEquals(List.of(), rowKeys(robot));
    assertTrue(onFx(() -> robot.lookup("#selectAll").query().isDisabled()), "nothing to select");
    assertEquals("Total 0.00", text(robot, "#total"));
    OrderTicket now = onFx(store::snapshot);
    assertTrue(now.lines().isEmpty());
    assertNull(now.allSelected());
  }

  // ---- reading the window (on the JavaFX thread) -------------------------------------------

  private static <T> T onFx(Callable<T> read) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  private static void replaceText(FxRobot robot, String field, String text) {
    robot.clickOn(field).push(KeyCode.END);
    robot.eraseText(robot.lookup(field).queryAs(TextField.class).getLength());
    robot.write(text);
  }

  private static String text(FxRobot robot, String query) throws Exception {
    return onFx(() -> {
      Node node = robot.lookup(query).query();
      return node instanceof TextField field ? field.getText() : ((Label) node).getText();
    });
  }

  private static RadioButton radio(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(RadioButton.class);
  }

  private static void assertSelectAll(FxRobot robot, boolean selected, boolean indeterminate)
      throws Exception {
    CheckBox all = robot.lookup("#selectAll").queryAs(CheckBox.class);
    assertEquals(List.of(selected, indeterminate),
        onFx(() -> List.of(all.isSelected(), all.isIndeterminate())), "select all: selected, indeterminate");
  }

  @SuppressWarnings("unchecked")
  private static List<String> changes(FxRobot robot) throws Exception {
    return onFx(() -> List.copyOf(robot.lookup("#changes").queryAs(ListView.class).getItems()));
  }

  /** The stage label of each line of the changes panel, in order, without repeats. */
  private static List<String> stagesOf(List<String> changes) {
    return changes.stream().map(line -> line.substring(0, 15).strip()).distinct()
        .collect(Collectors.toList());
  }

  private static List<String> rowKeys(FxRobot robot) throws Exception {
    TableView<?> table = robot.lookup("#lines").queryAs(TableView.class);
    return onFx(() -> table.getItems().stream().map(String.class::cast)
        .collect(Collectors.toList()));
  }

  /** Whether each line's check box is checked, in table order. */
  private static List<Boolean> lineCheckBoxes(FxRobot robot) throws Exception {
    List<String> keys = rowKeys(robot);
    return onFx(() -> keys.stream().map(k -> lineCheckBox(robot, k).isSelected())
        .collect(Collectors.toList()));
  }

  private List<Boolean> storeSelected() throws Exception {
    return onFx(() -> store.snapshot().lines().values().stream().map(LineItem::selected)
        .collect(Collectors.toList()));
  }

  private static CheckBox lineCheckBox(FxRobot robot, String key) {
    return (CheckBox) cell(robot, key, "selectedColumn").getGraphic();
  }

  /** The cell of line {@code key} in the column with id {@code columnId}. */
  private static TableCell<?, ?> cell(FxRobot robot, String key, String columnId) {
    TableRow<?> row = robot.lookup("#lines .table-row-cell").queryAllAs(TableRow.class).stream()
        .filter(r -> key.equals(r.getItem()))
        .findFirst().orElseThrow(() -> new AssertionError("no row for line " + key));
    return robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class).stream()
        .filter(c -> columnId.equals(c.getTableColumn().getId()))
        .findFirst().orElseThrow(() -> new AssertionError("no cell " + columnId + " for " + key));
  }
}
