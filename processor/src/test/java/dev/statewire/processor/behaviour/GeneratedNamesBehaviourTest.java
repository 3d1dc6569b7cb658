package dev.statewire.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.processor.behaviour.Clash.Customer;
import dev.statewire.processor.behaviour.Clash.Part;
import org.junit.jupiter.api.Test;

/** The mangled names of {@link Clash} as a user calls them, each reaching its own path. */
class GeneratedNamesBehaviourTest {
  private static Clash initial() {
    return new Clash(1, new Customer("c"), "cid", "s", "s_", new Part("p", "pid", 7, "v", "ab", "a_b"));
  }

  @Test
  void pathConstantsThatCollidedNameTheirOwnPaths() {
    assertEquals(14, ClashPaths.COUNT, "the number of paths keeps its name");
    assertEquals("count", ClashPaths.COUNT_.path());
    assertEquals(1, ClashPaths.COUNT__ID);
    assertEquals("customer", ClashPaths.CUSTOMER.path());
    assertEquals(2, ClashPaths.CUSTOMER_ID);
    assertEquals("customer.id", ClashPaths.CUSTOMER_ID_.path());
    assertEquals("customerId", ClashPaths.CUSTOMER_ID__.path());
    assertEquals("part.aB", ClashPaths.PART_A_B.path());
    assertEquals("part.a_b", ClashPaths.PART_A_B_.path());

    ClashStore store = ClashStore.create(initial());
    store.set(ClashPaths.CUSTOMER_ID_, "c2");
    store.set(ClashPaths.CUSTOMER_ID__, "cid2");
    store.set(ClashPaths.COUNT_, 5);
    assertEquals(new Clash(5, new Customer("c2"), "cid2", "s", "s_", initial().part()), store.snapshot());
  }

  @Test
  void methodsThatCollidedReadAndWriteTheirOwnComponents() {
    ClashStore store = ClashStore.create(initial());
    assertEquals(1, store.count());
    assertEquals("s", store.store__(), "store() is the untyped store, store_() is component store_");
    assertEquals("s_", store.store_());
    store.setStore("t");
    store.setStore_("t_");
    assertEquals("t", store.store__());
    assertEquals("t_", store.store_());

    Clash.Part part = initial().part();
    assertEquals(ClashPaths.PART_ID, store.part().pathId(), "the view's own pathId()");
    assertEquals(part.pathId(), store.part().pathId_());
    assertEquals(part.path(), store.part().path_());
    assertEquals(7, store.part().id());
    store.part().setId(8);
    store.part().setValue("w");
    store.part().setA_b("x");
    store.batch().part().setPathId("pid2").setPath("p2").setAB("y").done().apply();
    assertEquals(new Part("p2", "pid2", 8, "w", "y", "x"), store.part().snapshot());
  }
}
