package dev.statewire.runtime.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Expected applied changes, written as {@code ch("a", "v", SYNC)}, and their assertion. */
public final class Applied {
  private Applied() {}

  /** One expected change: path, value ({@code equals}) and the exact flag set. */
  public record Expected(String path, Object value, Set<ChangeFlag> flags) {
    @Override
    public String toString() {
      return path + "=" + show(value) + (flags.isEmpty() ? "" : " " + sorted(flags));
    }
  }

  /** An expected change with exactly {@code flags}. */
  public static Expected ch(String path, Object value, ChangeFlag... flags) {
    Set<ChangeFlag> set = EnumSet.noneOf(ChangeFlag.class);
    set.addAll(List.of(flags));
    return new Expected(path, value, set);
  }

  /** Asserts that {@code changes} are exactly {@code expected}, in order. */
  public static void assertApplied(Changes changes, Expected... expected) {
    assertApplied(changes.toList(), expected);
  }

  /** Asserts that {@code actual} is exactly {@code expected}, in order. */
  public static void assertApplied(List<Change> actual, Expected... expected) {
    boolean same = actual.size() == expected.length;
    for (int i = 0; same && i < expected.length; i++) {
      Change a = actual.get(i);
      Expected e = expected[i];
      same = e.path().equals(a.path())
          && Objects.equals(e.value(), a.value())
          && e.flags().equals(a.flags());
    }
    if (!same) {
      fail("applied changes differ\n  expected: " + List.of(expected) + "\n  actual:   " + show(actual));
    }
  }

  /** Changes as {@code path=value [FLAGS]} text. */
  public static String show(List<Change> changes) {
    return changes.stream()
        .map(c -> c.path() + "=" + show(c.value()) + (c.flags().isEmpty() ? "" : " " + sorted(c.flags())))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  static String show(Object v) {
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    return String.valueOf(v);
  }

  static String sorted(Set<ChangeFlag> flags) {
    return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]"));
  }
}
