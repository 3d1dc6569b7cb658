package dev.statewire.processor.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * One namespace of a generated class (its fields, its methods of one arity, its nested classes),
 * and the one rule by which generated names are made unique in it (docs/COMPILE_ERRORS.md,
 * "Generated names"):
 *
 * <ol>
 *   <li>the class's own fixed members are taken first;
 *   <li>then every wanted name that is free keeps its name, in the order given;
 *   <li>then every other one gets {@code _} appended until it is free, in the same order.
 * </ol>
 *
 * A name is free if it is not taken, is not a Java keyword or literal, and is not {@code yield}
 * (a method of that name cannot be called without a qualifier). Since step 2 runs before step 3, a
 * name that does not collide with a fixed member is never changed by another name's collision.
 */
final class NameScope {
  /** The methods every class inherits from {@code Object}. */
  static final Set<String> OBJECT_METHODS =
      Set.of("equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private final Set<String> taken = new HashSet<>();

  /** A scope in which {@code fixed} are taken. */
  NameScope(Collection<String> fixed) {
    taken.addAll(fixed);
  }

  /** Whether {@code name} may be given out: not taken, and not a keyword. */
  boolean isFree(String name) {
    return !taken.contains(name) && !SourceVersion.isKeyword(name) && !name.equals("yield");
  }

  /** Takes {@code name} as it is; {@code false} (and nothing taken) if it is not free. */
  boolean tryClaim(String name) {
    if (!isFree(name)) {
      return false;
    }
    taken.add(name);
    return true;
  }

  /** Takes {@code base}, or {@code base} with {@code _} appended until it is free. */
  String claim(String base) {
    String name = base;
    while (!isFree(name)) {
      name += "_";
    }
    taken.add(name);
    return name;
  }

  /**
   * The names for {@code wanted}, in order: each keeps its name if it is free after the names
   * before it that kept theirs, the others get {@code _} appended until free.
   */
  List<String> claimAll(List<String> wanted) {
    List<String> out = new ArrayList<>(wanted.size());
    for (String w : wanted) {
      out.add(tryClaim(w) ? w : null);
    }
    for (int i = 0; i < wanted.size(); i++) {
      if (out.get(i) == null) {
        out.set(i, claim(wanted.get(i)));
      }
    }
    return out;
  }
}
