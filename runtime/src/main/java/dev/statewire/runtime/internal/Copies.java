package dev.statewire.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Defensive copies of collections held as opaque values (a {@code Set<String>} component, say):
 * the store keeps an unmodifiable copy of its own, so that the caller's collection is not shared
 * and a snapshot cannot be changed behind the store's back (docs/PIPELINE.md, "Paths and values": value semantics;
 * docs/SEMANTICS.md). A path declared as one of the collection interfaces gets a copy mode; other
 * types are held as given (the processor warns about known mutable ones).
 */
public final class Copies {
  /** No copy: the value is held as given. */
  public static final byte NONE = 0;

  static final byte LIST = 1;
  static final byte SET = 2;
  static final byte SORTED_SET = 3;
  static final byte COLLECTION = 4;
  static final byte MAP = 5;
  static final byte SORTED_MAP = 6;

  private Copies() {}

  /** The copy mode for values of a path declared as {@code type}. */
  static byte modeOf(Class<?> type) {
    if (type == List.class) {
      return LIST;
    } else if (type == Set.class) {
      return SET;
    } else if (type == SortedSet.class || type == NavigableSet.class) {
      return SORTED_SET;
    } else if (type == Collection.class) {
      return COLLECTION;
    } else if (type == Map.class) {
      return MAP;
    } else if (type == SortedMap.class || type == NavigableMap.class) {
      return SORTED_MAP;
    }
    return NONE;
  }

  /** An unmodifiable copy of {@code v} (of the declared type that gave {@code mode}). */
  public static Object copy(byte mode, Object v) {
    switch (mode) {
      case LIST:
        return Collections.unmodifiableList(new ArrayList<>((List<?>) v));
      case SET:
        return Collections.unmodifiableSet(new LinkedHashSet<>((Set<?>) v));
      case SORTED_SET:
        return Collections.unmodifiableNavigableSet(new TreeSet<>((SortedSet<?>) v));
      case COLLECTION:
        return Collections.unmodifiableCollection(new ArrayList<>((Collection<?>) v));
      case MAP:
        return Collections.unmodifiableMap(new LinkedHashMap<>((Map<?, ?>) v));
      case SORTED_MAP:
        return Collections.unmodifiableNavigableMap(new TreeMap<>((SortedMap<?, ?>) v));
      default:
        return v;
    }
  }
}
