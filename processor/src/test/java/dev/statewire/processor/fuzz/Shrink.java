package dev.statewire.processor.fuzz;

import dev.statewire.processor.fuzz.FuzzTree.Ann;
import dev.statewire.processor.fuzz.FuzzTree.AnnRef;
import dev.statewire.processor.fuzz.FuzzTree.Comp;
import dev.statewire.processor.fuzz.FuzzTree.RecDecl;
import dev.statewire.processor.fuzz.ProcessorFuzzTest.Case;
import dev.statewire.processor.fuzz.TreeGen.Defect;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinking a tree that fails at compile time: annotations, then components, then records that
 * nothing uses any more are dropped while the tree still fails the same way (the same kind of
 * problem; an invalid tree keeps its defect, a valid tree stays valid by the {@link Oracle}).
 */
final class Shrink {
  private Shrink() {}

  /** {@code tree} without annotation {@code ref}, or null if there is none. */
  static FuzzTree dropAnnotation(FuzzTree tree, AnnRef ref) {
    RecDecl r = tree.record(ref.record());
    if (ref.component() == null) {
      List<Ann> anns = new ArrayList<>(r.typeAnns());
      if (ref.index() < 0 || ref.index() >= anns.size()) {
        return null;
      }
      anns.remove(ref.index());
      return TreeGen.replaceRecord(tree, new RecDecl(r.name(), r.comps(), anns));
    }
    Comp c = r.comp(ref.component());
    if (c == null || ref.index() < 0 || ref.index() >= c.anns().size()) {
      return null;
    }
    List<Ann> anns = new ArrayList<>(c.anns());
    anns.remove(ref.index());
    return TreeGen.replaceComp(tree, r.name(), c, c.withAnns(anns));
  }

  private static String kind(String problem) {
    return problem == null ? null : problem.substring(0, Math.min(28, problem.length()));
  }

  /** The smallest case found that still fails like {@code c} (or {@code c} itself). */
  static Case compileFailure(Case c, ProcessorFuzzTest test) {
    String want = kind(test.compileProblem(c));
    if (want == null) {
      return c;
    }
    Case cur = c;
    int budget = 150;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      // annotations
      List<AnnRef> refs = cur.tree.annotations().stream().map(java.util.Map.Entry::getKey).toList();
      for (int i = refs.size() - 1; i >= 0 && budget > 0; i--) {
        AnnRef ref = refs.get(i);
        Defect d = cur.defect;
        if (d != null && ref.equals(d.line())) {
          continue;
        }
        FuzzTree t = dropAnnotation(cur.tree, ref);
        if (t == null) {
          continue;
        }
        Defect nd = d == null ? null : shifted(d, t, ref);
        Case next = new Case(cur.index, cur.seed, t, nd);
        budget--;
        if (accept(next, want, test)) {
          cur = next;
          progress = true;
          refs = cur.tree.annotations().stream().map(java.util.Map.Entry::getKey).toList();
          i = Math.min(i, refs.size());
        }
      }
      // components
      for (RecDecl r : new ArrayList<>(cur.tree.records)) {
        for (Comp comp : new ArrayList<>(r.comps())) {
          if (budget <= 0 || cur.tree.index(r.name()) < 0) {
            break;
          }
          RecDecl now = cur.tree.record(r.name());
          if (now.comp(comp.name()) == null || now.comps().size() <= 1) {
            continue;
          }
          if (cur.defect != null && r.name().equals(cur.defect.line().record()) && comp.name().equals(cur.defect.line().component())) {
            continue;
          }
          List<Comp> comps = new ArrayList<>(now.comps());
          comps.remove(now.comp(comp.name()));
          FuzzTree t = pruneRecords(TreeGen.replaceRecord(cur.tree, new RecDecl(r.name(), comps, now.typeAnns())));
          Case next = new Case(cur.index, cur.seed, t, cur.defect == null ? null
              : new Defect(t, cur.defect.tag(), cur.defect.message(), cur.defect.line(), cur.defect.literal(), cur.defect.what()));
          budget--;
          if (accept(next, want, test)) {
            cur = next;
            progress = true;
          }
        }
      }
    }
    return cur;
  }

  /** The defect after annotation {@code dropped} went: its index moves down if it was later in the same list. */
  private static Defect shifted(Defect d, FuzzTree t, AnnRef dropped) {
    AnnRef l = d.line();
    AnnRef moved = l.record().equals(dropped.record()) && java.util.Objects.equals(l.component(), dropped.component())
        && l.index() > dropped.index() ? new AnnRef(l.record(), l.component(), l.index() - 1) : l;
    return new Defect(t, d.tag(), d.message(), moved, d.literal(), d.what());
  }

  private static boolean accept(Case next, String want, ProcessorFuzzTest test) {
    try {
      if (next.defect == null && !new Oracle(next.tree).errors.isEmpty()) {
        return false;
      }
      next.tree.print().line(next.defect == null ? new AnnRef(next.tree.root().name(), null, -1) : next.defect.line());
    } catch (RuntimeException | StackOverflowError e) {
      return next.defect != null && next.defect.what().equals("recursive") && test.compileProblem(next) != null
          && want.equals(kind(test.compileProblem(next)));
    }
    return want.equals(kind(test.compileProblem(next)));
  }

  /** Drops records that no longer occur in the tree. */
  static FuzzTree pruneRecords(FuzzTree tree) {
    java.util.Set<String> used = new java.util.HashSet<>();
    used.add(tree.root().name());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (RecDecl r : tree.records) {
        if (used.contains(r.name())) {
          for (Comp c : r.comps()) {
            for (String n : names(c.type())) {
              grew |= used.add(n);
            }
          }
        }
      }
    }
    List<RecDecl> keep = new ArrayList<>();
    for (RecDecl r : tree.records) {
      if (used.contains(r.name())) {
        keep.add(r);
      }
    }
    return tree.with(keep);
  }

  private static List<String> names(FuzzTree.T t) {
    if (t instanceof FuzzTree.Rec r) {
      return List.of(r.name());
    }
    if (t instanceof FuzzTree.MapOf m) {
      return names(m.entry());
    }
    if (t instanceof FuzzTree.ListOf l) {
      return names(l.entry());
    }
    return List.of();
  }
}
