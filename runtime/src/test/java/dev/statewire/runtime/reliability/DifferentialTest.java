package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.statewire.runtime.reliability.Model.Input;
import dev.statewire.runtime.reliability.Runner.AggStep;
import dev.statewire.runtime.reliability.Runner.BatchStep;
import dev.statewire.runtime.reliability.Runner.Fault;
import dev.statewire.runtime.reliability.Runner.ListenStep;
import dev.statewire.runtime.reliability.Runner.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential property test: seeded random scripts (random initial state, then batches of 1–50
 * writes with runtime wiring added and closed between them) run through the {@link
 * dev.statewire.runtime.Store} and through the reference {@link Model}; after every step the
 * applied changes, listener calls, exceptions and the whole state must be identical.
 *
 * <p>Sizes: {@code -Dstatewire.batches=N} (default 10,000; the nightly run is 1,000,000),
 * {@code -Dstatewire.seed=S} (default fixed), {@code -Dstatewire.shape=NAME} to run one shape.
 * A failure prints the run's seed and a counterexample shrunk by dropping steps, writes, listener
 * returns and aggregation sources while it still fails; {@code -Dstatewire.runSeed=R
 * -Dstatewire.shape=NAME} reruns exactly that run.
 */
class DifferentialTest {
  static final long SEED = Long.getLong("statewire.seed", 20_240_611L);
  static final long BATCHES = Long.getLong("statewire.batches", 10_000L);
  static final int BATCHES_PER_RUN = 25;

  record Result(Runner.Counts counts, String failure, List<Step> steps, Object initial) {}

  @Test
  void storeAndModelAgreeOnRandomScripts() {
    String only = System.getProperty("statewire.shape");
    List<Scenario> shapes = only == null || only.isBlank() ? Scenario.ALL : List.of(Scenario.named(only));
    Long runSeed = Long.getLong("statewire.runSeed");
    long start = System.nanoTime();
    Runner.Counts total = new Runner.Counts();
    int runs = 0;
    while (runSeed != null ? runs < 1 : total.batches < BATCHES) {
      Scenario sc = shapes.get(runs % shapes.size());
      long seed = runSeed != null ? runSeed : SEED * 1_000_003L + runs;
      Result r = runOne(sc, seed);
      total.add(r.counts());
      if (r.failure() != null) {
        fail(report(sc, seed, runs, r));
      }
      runs++;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("differential: %d batches compared (%d writes in, %d changes applied) in %d runs over %s;"
            + " %d wiring steps (%d rejected as expected, %d double closes); %d batches abandoned by an injected"
            + " listener fault; seed %d; %d ms%n",
        total.batches, total.changesIn, total.applied, runs, shapes.stream().map(Scenario::name).toList(),
        total.wiringSteps, total.rejectedWiring, total.doubleCloses, total.faults, SEED, ms);
  }

  /**
   * The engine's fixed-cost lanes (docs/PERFORMANCE.md, "The fixed cost of a batch") against the
   * model: scripts whose listeners all sit on the root, so that the listener table files changes
   * without walking their ancestors, and whose batches write one or two paths, so that a single
   * input skips the input filter it has passed already. Counts that the lanes' conditions held
   * often, as the public state shows them.
   */
  @Test
  void fixedCostLanesAgreeWithTheModel() {
    long target = Math.max(100, BATCHES / 4);
    Runner.Counts total = new Runner.Counts();
    int runs = 0;
    while (total.batches < target) {
      Scenario sc = Scenario.ALL.get(runs % Scenario.ALL.size());
      long seed = SEED * 7_000_003L + runs;
      Result r = runOne(sc, seed, true);
      total.add(r.counts());
      if (r.failure() != null) {
        fail(report(sc, seed, runs, r));
      }
      runs++;
    }
    System.out.printf("differential, fixed-cost lanes: %d batches compared in %d runs; %d single-input batches"
            + " applied something; %d batches ran with root listeners only%n",
        total.batches, runs, total.singleInputApplied, total.rootListenerBatches);
    assertTrue(total.singleInputApplied > target / 4, "single-input batches that applied: " + total.singleInputApplied);
    assertTrue(total.rootListenerBatches > target / 4, "batches with root listeners only: " + total.rootListenerBatches);
  }

  /** One run: a random initial state, then {@link #BATCHES_PER_RUN} batches with wiring between. */
  static Result runOne(Scenario sc, long seed) {
    return runOne(sc, seed, false);
  }

  /** As {@link #runOne(Scenario, long)}; {@code lanes}: scripts aimed at the fixed-cost lanes. */
  static Result runOne(Scenario sc, long seed, boolean lanes) {
    Random rnd = new Random(seed);
    Generator gen = new Generator(rnd, sc, lanes);
    Object initial = gen.initial();
    List<Step> steps = new ArrayList<>();
    Runner runner;
    try {
      runner = new Runner(sc, initial);
    } catch (RuntimeException e) {
      return new Result(new Runner.Counts(), "creating the store or the model threw " + e, steps, initial);
    }
    String d = runner.compareState();
    if (d != null) {
      return new Result(runner.counts, "after Store.create: " + d, steps, initial);
    }
    for (int b = 0; b < BATCHES_PER_RUN; b++) {
      List<Step> next = new ArrayList<>(gen.wiring(runner.model, runner.activeIds()));
      next.add(gen.batch(runner.model));
      for (Step s : next) {
        steps.add(s);
        String r;
        try {
          r = runner.step(s);
        } catch (RuntimeException | AssertionError e) {
          r = "harness error " + e;
        }
        if (r != null) {
          return new Result(runner.counts, r, steps, initial);
        }
      }
    }
    return new Result(runner.counts, null, steps, initial);
  }

  static String fails(Scenario sc, Object initial, List<Step> steps) {
    try {
      return new Runner(sc, initial).runAll(steps);
    } catch (RuntimeException | AssertionError e) {
      return "harness error " + e;
    }
  }

  private static String report(Scenario sc, long seed, int run, Result r) {
    List<Step> shrunk = shrink(sc, r.initial(), r.steps());
    String failure = fails(sc, r.initial(), shrunk);
    StringBuilder sb = new StringBuilder();
    sb.append("store and reference model differ: shape ").append(sc.name()).append(", run seed ").append(seed)
        .append(" (run #").append(run).append(" of -Dstatewire.seed=").append(SEED).append(")\n")
        .append("rerun: mvn -o -q -pl runtime test -Dtest=DifferentialTest -Dstatewire.shape=").append(sc.name())
        .append(" -Dstatewire.runSeed=").append(seed).append('\n')
        .append("first difference (unshrunk, step ").append(r.steps().size() - 1).append("): ").append(r.failure()).append('\n')
        .append("shrunk counterexample (").append(shrunk.size()).append(" of ").append(r.steps().size()).append(" steps):\n")
        .append("  initial: ").append(r.initial()).append('\n');
    for (int i = 0; i < shrunk.size(); i++) {
      sb.append("  ").append(i).append(". ").append(shrunk.get(i)).append('\n');
    }
    sb.append("difference: ").append(failure);
    String text = sb.toString();
    System.out.println(text);
    return text;
  }

  /** Drops steps, writes, listener returns and sources while the script still fails. */
  static List<Step> shrink(Scenario sc, Object initial, List<Step> original) {
    List<Step> steps = new ArrayList<>(original);
    int budget = 4000;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      for (int i = steps.size() - 1; i >= 0 && budget > 0; i--) {
        List<Step> t = new ArrayList<>(steps);
        t.remove(i);
        budget--;
        if (fails(sc, initial, t) != null) {
          steps = t;
          progress = true;
        }
      }
      for (int i = 0; i < steps.size() && budget > 0; i++) {
        for (Step candidate : simpler(steps.get(i))) {
          List<Step> t = new ArrayList<>(steps);
          t.set(i, candidate);
          budget--;
          if (fails(sc, initial, t) != null) {
            steps = t;
            progress = true;
            break;
          }
        }
      }
    }
    return steps;
  }

  /** Smaller variants of one step. */
  private static List<Step> simpler(Step s) {
    List<Step> out = new ArrayList<>();
    if (s instanceof BatchStep b) {
      if (b.tag() != null) {
        out.add(new BatchStep(b.ops(), null));
      }
      for (int j = b.ops().size() - 1; j >= 0 && b.ops().size() > 1; j--) {
        List<Input> ops = new ArrayList<>(b.ops());
        ops.remove(j);
        out.add(new BatchStep(ops, b.tag()));
      }
    } else if (s instanceof ListenStep l) {
      if (l.fault() != Fault.NONE) {
        out.add(new ListenStep(l.id(), l.path(), l.scope(), l.returns(), Fault.NONE, l.logScope()));
      }
      if (l.logScope()) {
        out.add(new ListenStep(l.id(), l.path(), l.scope(), l.returns(), l.fault(), false));
      }
      if (!l.scope().equals(l.path())) {
        out.add(new ListenStep(l.id(), l.path(), l.path(), l.returns(), l.fault(), l.logScope()));
      }
      for (int j = 0; j < l.returns().size(); j++) {
        List<Object[]> r = new ArrayList<>(l.returns());
        r.remove(j);
        out.add(new ListenStep(l.id(), l.path(), l.scope(), r, l.fault(), l.logScope()));
      }
    } else if (s instanceof AggStep a) {
      for (int j = 0; j < a.sources().size(); j++) {
        List<String> src = new ArrayList<>(a.sources());
        src.remove(j);
        out.add(new AggStep(a.id(), a.target(), src));
      }
    }
    return out;
  }
}
