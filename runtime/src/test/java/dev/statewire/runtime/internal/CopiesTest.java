package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import org.junit.jupiter.api.Test;

/**
 * {@link Copies}: a path declared as a collection interface holds an unmodifiable copy of the
 * value written, of the same kind (order, sorting and comparator kept), that the writer's
 * collection can no longer change; any other declared type is held as given.
 */
class CopiesTest {
  /** The copy the store keeps for {@code v} written to a path declared as {@code declared}. */
  private static Object held(Class<?> declared, Object v) {
    return Copies.copy(Copies.modeOf(declared), v);
  }

  @Test
  void aListIsCopiedInOrderAndCannotBeChanged() {
    List<String> mine = new ArrayList<>(List.of("b", "a"));
    List<?> held = (List<?>) held(List.class, mine);
    mine.add("c");
    assertNotSame(mine, held);
    assertEquals(List.of("b", "a"), held);
    assertThrows(UnsupportedOperationException.class, () -> held.remove(0));
  }

  @Test
  void aSetIsCopiedInIterationOrderAndCannotBeChanged() {
    Set<String> mine = new LinkedHashSet<>(List.of("b", "a"));
    Set<?> held = (Set<?>) held(Set.class, mine);
    mine.clear();
    assertEquals(List.of("b", "a"), new ArrayList<>(held));
    assertThrows(UnsupportedOperationException.class, () -> held.remove("a"));
  }

  @Test
  void aSortedOrNavigableSetStaysSortedWithItsComparator() {
    for (Class<?> declared : List.of(SortedSet.class, NavigableSet.class)) {
      TreeSet<String> mine = new TreeSet<>(Comparator.reverseOrder());
      mine.addAll(List.of("a", "c", "b"));
      NavigableSet<?> held = assertInstanceOf(NavigableSet.class, held(declared, mine), declared.getName());
      mine.add("d");
      assertEquals(List.of("c", "b", "a"), new ArrayList<>(held), declared.getName());
      assertEquals("c", held.first(), declared.getName());
      assertThrows(UnsupportedOperationException.class, held::pollFirst, declared.getName());
    }
  }

  @Test
  void aCollectionIsCopiedAsAnUnmodifiableCollection() {
    Collection<String> mine = new ArrayList<>(List.of("x", "x"));
    Collection<?> held = (Collection<?>) held(Collection.class, mine);
    mine.add("y");
    assertEquals(List.of("x", "x"), new ArrayList<>(held));
    assertThrows(UnsupportedOperationException.class, () -> held.remove("x"));
  }

  @Test
  void aMapIsCopiedInKeyOrderAndCannotBeChanged() {
    Map<String, Integer> mine = new LinkedHashMap<>();
    mine.put("b", 2);
    mine.put("a", 1);
    Map<?, ?> held = (Map<?, ?>) held(Map.class, mine);
    mine.put("c", 3);
    assertEquals(List.of("b", "a"), new ArrayList<>(held.keySet()));
    assertEquals(2, held.get("b"));
    assertThrows(UnsupportedOperationException.class, held::clear);
  }

  @Test
  void aSortedOrNavigableMapStaysSortedWithItsComparator() {
    for (Class<?> declared : List.of(SortedMap.class, NavigableMap.class)) {
      TreeMap<String, Integer> mine = new TreeMap<>(Comparator.reverseOrder());
      mine.put("a", 1);
      mine.put("b", 2);
      NavigableMap<?, ?> held = assertInstanceOf(NavigableMap.class, held(declared, mine), declared.getName());
      mine.put("z", 26);
      assertEquals(List.of("b", "a"), new ArrayList<>(held.keySet()), declared.getName());
      assertThrows(UnsupportedOperationException.class, held::pollFirstEntry, declared.getName());
    }
  }

  @Test
  void otherDeclaredTypesAreHeldAsGiven() {
    ArrayList<String> concrete = new ArrayList<>(List.of("a"));
    assertEquals(Copies.NONE, Copies.modeOf(ArrayList.class));
    assertSame(concrete, held(ArrayList.class, concrete));
    assertSame(concrete, held(Object.class, concrete));
    assertSame(concrete, held(Iterable.class, concrete));
  }
}
