package dev.statewire.processor.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "did you mean" distance: Levenshtein, a case difference at half cost, rounded up. */
class EditDistanceTest {
  @Test
  void distances() {
    assertEquals(0, EditDistance.distance("zip", "zip"));
    assertEquals(3, EditDistance.distance("", "zip"));
    assertEquals(3, EditDistance.distance("zip", ""));
    assertEquals(1, EditDistance.distance("zip", "zipp"), "one insertion");
    assertEquals(1, EditDistance.distance("zipp", "zip"), "one deletion");
    assertEquals(1, EditDistance.distance("zip", "zap"), "one substitution");
    assertEquals(3, EditDistance.distance("kitten", "sitting"));
    assertEquals(1, EditDistance.distance("zip", "Zip"), "a case difference costs half, rounded up");
    assertEquals(2, EditDistance.distance("zipCode", "ZipCODE"), "three case differences: 1.5, rounded up");
  }

  @Test
  void nearestWithinAThirdOfTheLength() {
    List<String> names = List.of("shippingZip", "billingZip", "note");
    assertEquals(Optional.of("shippingZip"), EditDistance.nearest("shipingZip", names));
    assertEquals(Optional.of("note"), EditDistance.nearest("nite", names), "at least 1 for short names");
    assertEquals(Optional.empty(), EditDistance.nearest("nxxe", names), "2 > 1 for a name of 4");
    assertEquals(Optional.of("billingZip"), EditDistance.nearest("bilingZp", names), "2 <= 8 / 3");
    assertEquals(Optional.empty(), EditDistance.nearest("bZ", names));
    assertEquals(Optional.of("abcdefghijklmnop"), EditDistance.nearest("abcXefgXijkXmnop", List.of("abcdefghijklmnop")), "at most 3");
    assertEquals(Optional.empty(), EditDistance.nearest("abcXefgXijkXmnoX", List.of("abcdefghijklmnop")));
    assertEquals(Optional.of("ab"), EditDistance.nearest("abc", List.of("abcdefg", "ab", "a")), "the nearest, not the first");
    assertEquals(Optional.of("ab"), EditDistance.nearest("abc", List.of("ab", "ac")), "the first of equally near ones");
    assertEquals(Optional.empty(), EditDistance.nearest("abc", List.of()));
  }
}
