package dev.statewire.javafx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The {@link FxStore#map} of a map path: an observable copy of the committed map that takes over
 * each new value by its difference (keys gone are removed, new or changed keys put), so that a
 * listener hears only the keys that changed. The user sees it through an unmodifiable wrapper.
 *
 * @param <V> the map's value type
 */
final class FxMapView<V> implements View {
  private final ObservableMap<String, V> copy = FXCollections.observableMap(new LinkedHashMap<>());
  private final ObservableMap<String, V> readOnly = FXCollections.unmodifiableObservableMap(copy);

  FxMapView(Object initial) {
    copy.putAll(of(initial));
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> of(Object value) {
    return value == null ? Map.of() : (Map<String, V>) value; // the store checked the value's type
  }

  /** What the user gets: the unmodifiable view of the copy. */
  ObservableMap<String, V> readOnly() {
    return readOnly;
  }

  @Override
  public void update(Object committed) {
    Map<String, V> next = of(committed);
    List<String> gone = new ArrayList<>();
    for (String key : copy.keySet()) {
      if (!next.containsKey(key)) {
        gone.add(key);
      }
    }
    for (String key : gone) {
      copy.remove(key);
    }
    for (Map.Entry<String, V> e : next.entrySet()) {
      V now = e.getValue();
      if (!copy.containsKey(e.getKey()) || !Objects.equals(copy.get(e.getKey()), now)) {
        copy.put(e.getKey(), now);
      }
    }
  }

  @Override
  public void release() {
    // holds nothing outside the FxStore
  }
}
