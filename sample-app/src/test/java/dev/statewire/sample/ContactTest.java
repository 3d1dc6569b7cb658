package dev.statewire.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's Immutables example, as the README shows it. */
class ContactTest {
  @Test
  void storeOverAnImmutablesStateType() {
    ContactStore store = ContactStore.create(ImmutableContact.builder()
        .name("Ada").displayName("Ada").isPublic(true).isPrivate(false).build());
    store.setName("Ada Lovelace");
    assertEquals("Ada Lovelace", store.displayName(), "sync");
    store.setIsPublic(false);
    assertTrue(store.isPrivate(), "flip");
    Contact now = store.snapshot();
    assertInstanceOf(ImmutableContact.class, now);
    assertEquals(ImmutableContact.builder()
        .name("Ada Lovelace").displayName("Ada Lovelace").isPublic(false).isPrivate(true).build(), now);
  }
}
