package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RuntimeRegistration}: closing forgets and undoes once, a second close throws, a close while
 * a batch runs is refused and changes nothing, and {@code detach} (an entry that leaves) closes it
 * without the idle check.
 */
class RuntimeRegistrationTest {
  record Two(int x, int y) {}

  private final Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
  private final List<String> log = new ArrayList<>();

  private RuntimeRegistration registration() {
    return new RuntimeRegistration(store.engine()) {
      @Override
      void forget() {
        log.add("forget");
      }

      @Override
      void undo() {
        log.add("undo");
      }

      @Override
      boolean touches(int from, int to) {
        return false;
      }

      @Override
      public String toString() {
        return "registration [test]";
      }
    };
  }

  @Test
  void closeForgetsThenUndoesOnceAndASecondCloseThrows() {
    RuntimeRegistration r = registration();
    assertTrue(r.isActive());
    r.close();
    assertFalse(r.isActive());
    assertEquals(List.of("forget", "undo"), log);
    IllegalStateException e = assertThrows(IllegalStateException.class, r::close);
    assertEquals("registration [test] was closed already", e.getMessage());
    assertEquals(List.of("forget", "undo"), log);
  }

  @Test
  void closingWhileABatchRunsIsRefusedAndChangesNothing() {
    RuntimeRegistration r = registration();
    List<Throwable> thrown = new ArrayList<>();
    store.listen(1, 0, e -> {
      try {
        r.close();
      } catch (IllegalStateException ex) {
        thrown.add(ex);
      }
    });
    store.set("x", 1);
    assertEquals(1, thrown.size());
    assertEquals("cannot close a registration while a batch runs (from a listener or subscriber);"
        + " do it after the batch", thrown.get(0).getMessage());
    assertTrue(r.isActive());
    assertEquals(List.of(), log);
  }

  @Test
  void detachClosesWithoutTheIdleCheck() {
    RuntimeRegistration r = registration();
    store.engine().enterPhase(Engine.Phase.PIPELINE);
    try {
      r.detach();
    } finally {
      store.engine().enterPhase(Engine.Phase.IDLE);
    }
    assertFalse(r.isActive());
    assertEquals(List.of("forget", "undo"), log);
  }
}
