package dev.statewire.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console walkthrough, and when the app runs it instead of the window. */
class ConsoleWalkthroughTest {
  @Test
  void theWalkthroughPrintsEachStepsChangesByStageAndTheState() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertEquals("statewire sample app: an order ticket", lines.get(0));
    assertTrue(lines.containsAll(List.of(
        "> shipping.zip = 60200 (@Sync: billing follows)",
        "    input           shipping.zip           = 60200",
        "    sync            billing.zip            = 60200",
        "    input           isSell                 = true",
        "    flip            isBuy                  = false",
        "    listener        total                  = 10.0",
        "  state unchanged: true")), String.join("\n", lines));
    assertTrue(lines.contains("    flip            lines.pad.parked       = false   (via"
        + " [AGGREGATION, FLIP])"), String.join("\n", lines));
  }

  @Test
  void withoutADisplayOnLinuxTheAppSaysWhy() {
    assertEquals(Optional.of("DISPLAY is not set"), OrderTicketApp.missingDisplay(Map.of(), "Linux"));
    assertEquals(Optional.of("DISPLAY is not set"),
        OrderTicketApp.missingDisplay(Map.of("DISPLAY", " "), "Linux"));
    assertEquals(Optional.empty(), OrderTicketApp.missingDisplay(Map.of("DISPLAY", ":0"), "Linux"));
    assertEquals(Optional.empty(), OrderTicketApp.missingDisplay(Map.of(), "Windows 11"));
    assertEquals(Optional.empty(), OrderTicketApp.missingDisplay(Map.of(), "Mac OS X"));
  }
}
