package dev.statewire.sample.window;

import dev.statewire.runtime.Changes;
import dev.statewire.sample.ChangeReport;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The changes the last batch applied, grouped by stage, as the console walkthrough prints them. */
final class ChangesPanel {
  private final ListView<String> list = new ListView<>();
  private final VBox node;

  ChangesPanel() {
    list.setId("changes");
    list.setPrefWidth(520);
    list.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
    list.setPlaceholder(new Label("Edit the ticket: the changes of each batch appear here."));
    Label title = new Label("Changes of the last batch, by stage");
    title.setStyle("-fx-font-weight: bold;");
    VBox.setVgrow(list, Priority.ALWAYS);
    node = new VBox(6, title, list);
  }

  Node node() {
    return node;
  }

  /** A store subscriber: shows a committed batch's changes (read at once; the view is reused). */
  void show(Changes applied) {
    list.getItems().setAll(ChangeReport.byStage(applied));
  }
}
