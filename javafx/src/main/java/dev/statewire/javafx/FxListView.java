package dev.statewire.javafx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The {@link FxStore#list} of a list path: an observable copy of the committed list. Each new
 * value is compared with the old one and reported as one {@link
 * javafx.collections.ListChangeListener.Change}: the elements equal at both ends are left alone,
 * and the middle becomes an add, a remove, a replace, or (same length) one set per index that
 * differs. The user sees it through an unmodifiable wrapper.
 *
 * @param <V> the list's element type
 */
final class FxListView<V> extends ObservableListBase<V> implements View {
  private List<V> items;
  private final ObservableList<V> readOnly = FXCollections.unmodifiableObservableList(this);

  FxListView(Object initial) {
    this.items = of(initial);
  }

  @SuppressWarnings("unchecked")
  private static <V> List<V> of(Object value) {
    // a copy: the view must not depend on how the store builds its lists
    return value == null ? List.of() : new ArrayList<>((List<V>) value);
  }

  /** What the user gets: the unmodifiable view of this list. */
  ObservableList<V> readOnly() {
    return readOnly;
  }

  @Override
  public V get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public void update(Object committed) {
    List<V> prev = items;
    List<V> next = of(committed);
    int common = Math.min(prev.size(), next.size());
    int from = 0;
    while (from < common && Objects.equals(prev.get(from), next.get(from))) {
      from++;
    }
    int tail = 0;
    while (tail < common - from
        && Objects.equals(prev.get(prev.size() - 1 - tail), next.get(next.size() - 1 - tail))) {
      tail++;
    }
    int prevEnd = prev.size() - tail;
    int nextEnd = next.size() - tail;
    if (from == prevEnd && from == nextEnd) {
      return; // equal
    }
    items = next;
    beginChange();
    try {
      if (prevEnd - from == nextEnd - from) {
        for (int i = from; i < nextEnd; i++) {
          if (!Objects.equals(prev.get(i), next.get(i))) {
            nextSet(i, prev.get(i));
          }
        }
      } else if (from == prevEnd) {
        nextAdd(from, nextEnd);
      } else if (from == nextEnd) {
        nextRemove(from, new ArrayList<>(prev.subList(from, prevEnd)));
      } else {
        nextReplace(from, nextEnd, new ArrayList<>(prev.subList(from, prevEnd)));
      }
    } finally {
      endChange();
    }
  }

  @Override
  public void release() {
    // holds nothing outside the FxStore
  }
}
