package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.LINES;
import static dev.statewire.javafx.FormPaths.LINES_ANY_QTY;
import static dev.statewire.javafx.FormPaths.LINES_ANY_SELECTED;
import static dev.statewire.javafx.FormPaths.LINES_ID;
import static dev.statewire.javafx.FormPaths.TAGS;
import static dev.statewire.javafx.FormPaths.TAGS_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Path;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.junit.jupiter.api.Test;

/** Map and list views, and the properties of map entries as entries come and go. */
class ViewsTest {
  private final Store store = Forms.create();
  private final FxStore fx = FxStore.of(store);
  private final Forms.Errors errors = new Forms.Errors();

  ViewsTest() {
    fx.setErrorHandler(errors);
  }

  private static Form.Line line(String product, int qty, boolean selected) {
    return new Form.Line(product, qty, selected);
  }

  /** Records a map view's changes as "+key", "-key" and "~key". */
  private static List<String> record(ObservableMap<String, Form.Line> map) {
    List<String> seen = new ArrayList<>();
    map.addListener((MapChangeListener<String, Form.Line>) c -> {
      if (c.wasAdded() && c.wasRemoved()) {
        seen.add("~" + c.getKey());
      } else if (c.wasAdded()) {
        seen.add("+" + c.getKey());
      } else {
        seen.add("-" + c.getKey());
      }
    });
    return seen;
  }

  /** Records a list view's change events, one string per event. */
  private static List<String> record(ObservableList<String> list) {
    List<String> seen = new ArrayList<>();
    list.addListener((ListChangeListener<String>) c -> {
      StringBuilder sb = new StringBuilder();
      while (c.next()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        if (c.wasReplaced()) {
          sb.append("replace").append(c.getRemoved()).append("->").append(c.getAddedSubList())
              .append('@').append(c.getFrom());
        } else if (c.wasAdded()) {
          sb.append("add").append(c.getAddedSubList()).append('@').append(c.getFrom());
        } else if (c.wasRemoved()) {
          sb.append("remove").append(c.getRemoved()).append('@').append(c.getFrom());
        }
      }
      seen.add(sb.toString());
    });
    return seen;
  }

  @Test
  void aMapViewShowsTheMapAndTakesOverItsChangesKeyByKey() {
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    assertEquals(store.get(LINES), lines);
    assertEquals(List.of("k1", "k2"), new ArrayList<>(lines.keySet()));
    List<String> seen = record(lines);

    store.put(LINES_ID, "k3", line("ink", 1, true));
    assertEquals(List.of("+k3"), seen);
    assertEquals(line("ink", 1, true), lines.get("k3"));

    Path<Integer> qty = store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_QTY);
    store.set(qty, 7);
    assertEquals(List.of("+k3", "~k1"), seen);
    assertEquals(7, lines.get("k1").qty());

    store.remove(LINES_ID, "k2");
    assertEquals(List.of("+k3", "~k1", "-k2"), seen);
    assertEquals(store.get(LINES), lines);
  }

  @Test
  void aMapViewTakesOverAWholeNewMapOnceAndEmptiesForNull() {
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    List<String> seen = record(lines);
    Map<String, Form.Line> next = new LinkedHashMap<>();
    next.put("k2", line("pad", 2, true)); // unchanged
    next.put("k9", line("box", 1, false));

    store.set(LINES, next);
    assertEquals(List.of("-k1", "+k9"), seen);
    assertEquals(next, lines);

    store.set(LINES, null);
    assertTrue(lines.isEmpty());
  }

  @Test
  void aMapViewIsReadOnlyAndTheSameObjectEachTime() {
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    assertSame(lines, fx.map(LINES));
    assertThrows(UnsupportedOperationException.class, () -> lines.put("k5", line("x", 1, true)));
    assertThrows(UnsupportedOperationException.class, () -> lines.remove("k1"));
    assertThrows(UnsupportedOperationException.class, lines::clear);
    assertEquals(2, lines.size());
  }

  @Test
  void aListViewReportsOneMinimalChangePerBatch() {
    ObservableList<String> tags = fx.list(TAGS);
    assertEquals(List.of("a"), tags);
    List<String> seen = record(tags);

    store.add(TAGS_ID, "b");
    assertEquals(List.of("add[b]@1"), seen);

    store.set(TAGS, List.of("a", "x", "b"));
    assertEquals("add[x]@1", seen.get(1));

    store.set(TAGS, List.of("a", "y", "b"));
    assertEquals("replace[x]->[y]@1", seen.get(2));

    store.set(TAGS, List.of("a", "b"));
    assertEquals("remove[y]@1", seen.get(3));

    store.set(TAGS, List.of("c", "b", "d"));
    assertEquals("replace[a, b]->[c, b, d]@0", seen.get(4));

    store.set(TAGS, List.of("c", "b", "d")); // equal: no batch, no event
    store.set(TAGS, null);
    assertEquals("remove[c, b, d]@0", seen.get(5));
    assertTrue(tags.isEmpty());
    assertEquals(6, seen.size());
  }

  @Test
  void aListViewOfEqualLengthSetsOnlyTheIndexesThatDiffer() {
    store.set(TAGS, List.of("a", "b", "c", "d"));
    ObservableList<String> tags = fx.list(TAGS);
    List<String> seen = record(tags);

    store.set(TAGS, List.of("A", "b", "C", "d"));

    assertEquals(List.of("replace[a]->[A]@0 replace[c]->[C]@2"), seen);
    assertEquals(List.of("A", "b", "C", "d"), tags);
  }

  @Test
  void aListViewIsReadOnlyAndTheSameObjectEachTime() {
    ObservableList<String> tags = fx.list(TAGS);
    assertSame(tags, fx.list(TAGS));
    assertThrows(UnsupportedOperationException.class, () -> tags.add("z"));
    assertThrows(UnsupportedOperationException.class, () -> tags.set(0, "z"));
    assertThrows(UnsupportedOperationException.class, () -> tags.setAll("z"));
    assertThrows(UnsupportedOperationException.class, tags::clear);
    assertEquals(List.of("a"), tags);
  }

  @Test
  void theViewsOfOnePathShareOneObservation() {
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    assertNotNull(fx.property(LINES));
    assertEquals(1, fx.pathCount());
    store.put(LINES_ID, "k3", line("ink", 1, true));
    assertEquals(store.get(LINES), fx.property(LINES).get());
    assertEquals(3, lines.size());
  }

  @Test
  void aRemovedEntrysPropertiesAreDroppedAndRefuseWrites() {
    Path<Boolean> selected = store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_SELECTED);
    Path<Integer> qty = store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_QTY);
    BooleanProperty sel = fx.booleanProperty(selected);
    IntegerProperty q = fx.intProperty(qty);
    Recorder<Number> qtyEvents = Recorder.on(q);
    assertEquals(2, fx.pathCount());

    store.remove(LINES_ID, "k1");

    assertEquals(0, fx.pathCount(), "the removal notice drops the entry's paths");
    assertFalse(sel.get());
    assertEquals(0, q.get());
    assertEquals(List.of(0), qtyEvents.values);
    assertThrows(UnknownPathException.class, () -> fx.intProperty(qty));

    q.set(5); // the entry is gone: refused
    assertEquals(1, errors.seen.size());
    assertInstanceOf(UnknownPathException.class, errors.seen.get(0));

    // a new entry under the same key is a new path with new properties
    store.put(LINES_ID, "k1", line("pen", 4, true));
    IntegerProperty again = fx.intProperty(store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_QTY));
    assertNotSame(q, again);
    assertEquals(4, again.get());
    assertEquals(0, q.get());
  }

  @Test
  void theViewOfAMapInsideARemovedNodeEmpties() {
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    store.set(FormPaths.ROOT, new Form(null, null, true, false, 0, 0, 0, 0, null, null, null, null));
    assertTrue(lines.isEmpty());
    assertTrue(fx.list(TAGS).isEmpty());
  }
}
