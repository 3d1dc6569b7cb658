package dev.statewire.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Immutables' naming patterns, as the processor applies them (worked out from Immutables' rules). */
class ImmutablesStyleTest {
  @Test
  void accessorPatternsStripAPrefixOnlyBeforeAnUpperCaseLetter() {
    assertEquals("name", ImmutablesStyle.detect("get*", "getName", true));
    assertEquals("open", ImmutablesStyle.detect("is*", "isOpen", true));
    assertNull(ImmutablesStyle.detect("is*", "island", true));
    assertNull(ImmutablesStyle.detect("get*", "get", true), "nothing left after the prefix");
    assertEquals("total", ImmutablesStyle.detect("*Value", "totalValue", true), "a suffix pattern keeps the case");
  }

  @Test
  void typePatternsFindTheBaseNameAndApplyTheImmutableName() {
    assertEquals("Trip", ImmutablesStyle.detect("Abstract*", "AbstractTrip", false));
    assertNull(ImmutablesStyle.detect("Abstract*", "Trip", false));
    assertEquals("ImmutableTrip", ImmutablesStyle.apply("Immutable*", "Trip"));
    assertEquals("Trip", ImmutablesStyle.apply("*", "Trip"));
    assertEquals("TripImpl", ImmutablesStyle.apply("*Impl", "Trip"));
    assertEquals("setName", ImmutablesStyle.apply("set*", "name"), "a setter prefix capitalizes");
    assertEquals("name", ImmutablesStyle.apply("*", "name"));
  }
}
