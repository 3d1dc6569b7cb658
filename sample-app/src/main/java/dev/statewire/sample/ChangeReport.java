package dev.statewire.sample;

import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The changes one batch applied, one line each, grouped by the pipeline stage that produced them:
 * user input first, then each {@link ChangeFlag} in pipeline order. The console walkthrough prints
 * these lines; the window lists them.
 */
public final class ChangeReport {
  private ChangeReport() {}

  /**
   * One line per applied change ({@code "sync            billing.zip            = 60200"}), input
   * first, then by stage. A change derived from another one names its whole chain of stages.
   * Reads {@code applied} at once: call it before the store runs its next batch.
   */
  public static List<String> byStage(Changes applied) {
    List<String> lines = new ArrayList<>(applied.size());
    addStage(lines, applied, "input", null);
    for (ChangeFlag stage : ChangeFlag.values()) {
      addStage(lines, applied, label(stage), stage);
    }
    return lines;
  }

  /** The stage's name as the report prints it: {@code AGGREGATE_READ} is "aggregate read". */
  public static String label(ChangeFlag stage) {
    return stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Adds the changes whose newest stage is {@code stage} (input: {@code null}, no flag). */
  private static void addStage(List<String> lines, Changes applied, String label, ChangeFlag stage) {
    for (int i = 0; i < applied.size(); i++) {
      Set<ChangeFlag> flags = applied.flags(i);
      if (stage == null ? flags.isEmpty() : newest(flags) == stage) {
        lines.add(String.format(Locale.ROOT, "%-15s %-22s = %s%s", label, applied.path(i),
            applied.value(i), flags.size() > 1 ? "   (via " + flags + ")" : ""));
      }
    }
  }

  /** The last pipeline stage among {@code flags}: the stage that produced the change. */
  private static ChangeFlag newest(Set<ChangeFlag> flags) {
    ChangeFlag last = null;
    for (ChangeFlag f : flags) {
      last = f;
    }
    return last;
  }
}
