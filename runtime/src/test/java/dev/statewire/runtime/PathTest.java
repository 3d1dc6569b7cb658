package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Path}: validation, accessors, equality (static handles vs per-store entry handles), text. */
class PathTest {
  record Line(int qty) {}

  record Cart(int n, Map<String, Line> items) {}

  private static Store cart() {
    return Store.create(TestSchemas.schema(Cart.class), new Cart(1, Map.of("k1", new Line(2))));
  }

  @Test
  void accessorsReturnWhatWasGiven() {
    Path<Integer> p = Path.of(3, "a.b", Integer.class);
    assertEquals(3, p.id());
    assertEquals("a.b", p.path());
    assertSame(Integer.class, p.type());
    assertNull(p.owner(), "a static handle belongs to no store");
    assertEquals("a.b", p.toString());
  }

  @Test
  void theRootPrintsAsRoot() {
    assertEquals("<root>", Path.of(0, "", Object.class).toString());
  }

  @Test
  void badArgumentsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Path.of(-1, "x", Integer.class));
    assertTrue(e.getMessage().contains("-1") && e.getMessage().contains("\"x\""), e.getMessage());
    Path<Integer> zero = Path.of(0, "", Integer.class);
    assertEquals(0, zero.id(), "0 (the root) is a valid ID");
    NullPointerException np = assertThrows(NullPointerException.class, () -> Path.of(1, null, Integer.class));
    assertEquals("path", np.getMessage());
    NullPointerException nt = assertThrows(NullPointerException.class, () -> Path.of(1, "x", null));
    assertEquals("type", nt.getMessage());
  }

  @Test
  void equalityIsIdPathAndOwner() {
    Path<Integer> a = Path.of(1, "n", Integer.class);
    assertEquals(a, Path.of(1, "n", Integer.class));
    assertEquals(a.hashCode(), Path.of(1, "n", Integer.class).hashCode());
    assertNotEquals(a, Path.of(2, "n", Integer.class));
    assertNotEquals(a, Path.of(1, "m", Integer.class));
    assertNotEquals(a, "n");
    assertNotEquals(a, null);
    Set<Integer> hashes = new HashSet<>();
    for (int id = 0; id < 20; id++) {
      hashes.add(Path.of(id, "n", Integer.class).hashCode());
    }
    assertEquals(20, hashes.size(), "hash codes spread over IDs");
    assertNotEquals(Path.of(1, "a", Integer.class).hashCode(), Path.of(1, "b", Integer.class).hashCode());
  }

  @Test
  void storeHandlesOfStaticPathsEqualPathOf() {
    Store store = cart();
    Path<Integer> n = store.path("n", Integer.class);
    assertEquals(Path.of(store.resolve("n"), "n", Integer.class), n);
    assertNull(n.owner());
    assertEquals(n, cart().path("n", Integer.class), "static handles are valid in every store of the schema");
  }

  @Test
  void entryHandlesBelongToTheirStore() {
    Store s1 = cart();
    Store s2 = cart();
    Path<Integer> q1 = s1.path("items.k1.qty", Integer.class);
    Path<Integer> q2 = s2.path("items.k1.qty", Integer.class);
    assertEquals(q1.id(), q2.id());
    assertEquals(q1.path(), q2.path());
    assertEquals(q1, s1.path("items.k1.qty", Integer.class));
    assertNotEquals(q1, q2, "same ID and text, different store");
    assertEquals(2, s1.get(q1));
    assertThrows(IllegalArgumentException.class, () -> s1.get(q2));
  }
}
