package dev.statewire.runtime.reliability;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.reliability.Model.Input;
import dev.statewire.runtime.reliability.Runner.BatchStep;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The processor fuzz test's way into the runtime's reference {@link Model} and differential
 * {@link Runner} (package-private in the runtime's test jar, hence this class in the same
 * package): one store made from a generated schema, run side by side with a model that has the
 * static wiring the spec gives for the tree, compared by the Runner after every batch.
 */
public final class GeneratedStoreRun {

  /** One write of a batch: {@code set} (path), {@code put}/{@code remove} (map, key), {@code add} (list). */
  public record Op(String op, String path, String key, Object javaValue) {
    @Override
    public String toString() {
      return switch (op) {
        case "set" -> (path.isEmpty() ? "<root>" : path) + "=" + Model.show(javaValue);
        case "put" -> "put " + path + "[" + key + "]=" + Model.show(javaValue);
        case "add" -> "add " + path + "[]=" + Model.show(javaValue);
        default -> "remove " + path + "[" + key + "]";
      };
    }
  }

  /** Applies a batch to the store through some API (the generated typed one, or the untyped one). */
  public interface Applier {
    Changes apply(Store store, List<Op> ops, Object tag);
  }

  /**
   * Starts the answer of {@link #batch} when the model cannot say what the batch must do (a list
   * entry left behind an entry that was removed: the spec leaves open whether and how the later
   * entries move down), so the run cannot go on.
   */
  public static final String UNMODELLED = "unmodelled: ";

  private final Runner runner;
  private final Scenario scenario;

  /**
   * @param sync root-level sync pairs in declaration order; {@code templateSync} those inside
   *     entries (spelled with {@code *}); likewise flip; {@code aggs} rows {@code {target,
   *     source...}}
   */
  public GeneratedStoreRun(String name, Class<? extends Record> rootType, Store store, Object initial,
      List<String[]> sync, List<String[]> flip, List<String[]> templateSync, List<String[]> templateFlip,
      List<String[]> aggs) {
    this.scenario = new Scenario(name, rootType, sync, flip, templateSync, templateFlip, aggs);
    this.runner = new Runner(scenario, store, scenario.model(initial));
  }

  /** The state compared (snapshot, every path, map keys and list sizes, table sizes); null if equal. */
  public String compareState() {
    return runner.compareState();
  }

  /** Runs one batch on both sides through {@code applier} and compares; null if they agree. */
  public String batch(List<Op> ops, Object tag, Applier applier) {
    List<Input> inputs = new ArrayList<>();
    for (Op op : ops) {
      inputs.add(new Input(op.op(), op.path(), op.key(), op.javaValue()));
    }
    runner.applier = (store, in, t) -> {
      List<Op> back = new ArrayList<>();
      for (Input i : in) {
        back.add(new Op(i.op(), i.path(), i.key(), i.javaValue()));
      }
      return applier.apply(store, back, t);
    };
    try {
      return runner.step(new BatchStep(inputs, tag));
    } catch (UnsupportedOperationException e) {
      return UNMODELLED + e.getMessage();
    } catch (RuntimeException | AssertionError e) {
      java.io.StringWriter w = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(w));
      return "harness error " + w;
    }
  }

  /** The ops of a batch that the model accepts as addable now (entries named must exist). */
  public List<Op> validOps(List<Op> ops) {
    List<Input> inputs = new ArrayList<>();
    for (Op op : ops) {
      inputs.add(new Input(op.op(), op.path(), op.key(), op.javaValue()));
    }
    List<Op> out = new ArrayList<>();
    for (Input i : runner.validInputs(new BatchStep(inputs, null))) {
      out.add(new Op(i.op(), i.path(), i.key(), i.javaValue()));
    }
    return out;
  }

  public Store store() {
    return runner.store;
  }

  /** Batches compared, writes in, changes applied. */
  public long[] counts() {
    return new long[] {runner.counts.batches, runner.counts.changesIn, runner.counts.applied};
  }

  /** The model's snapshot (the state a store must show). */
  public Object modelSnapshot() {
    return runner.model.snapshot();
  }

  /** What {@code Store.create(schema, initial)} must show: the model created from {@code initial}. */
  public Object createdSnapshot(Object initial) {
    return scenario.model(initial).snapshot();
  }

  /** Every path that resolves now (not the root), depth first. */
  public List<String> paths() {
    List<String> out = new ArrayList<>();
    collect("", scenario.type(), out);
    return out;
  }

  private void collect(String path, Type t, List<String> out) {
    if (!path.isEmpty()) {
      out.add(path);
    }
    if (Model.isRecord(t)) {
      for (RecordComponent rc : Model.components(t)) {
        collect(Model.join(path, rc.getName()), rc.getGenericType(), out);
      }
    } else if (Model.isContainer(t)) {
      for (String k : runner.model.keys(path)) {
        collect(path + "." + k, Model.entryType(t), out);
      }
    }
  }

  /** The path spelled with {@code *} for every entry key or index. */
  public String templateOf(String path) {
    return runner.model.templateOf(path);
  }

  /** The keys (a list: indexes) of the container at {@code path} that hold a value. */
  public List<String> keys(String path) {
    return runner.model.keys(path);
  }

  /** The value a getter returns at {@code path} as a Java value, or {@link Store#ABSENT}. */
  public Object value(String path) {
    Type t = runner.model.typeAt(path);
    Object v = Model.visible(t, runner.model.get(path));
    return v == Model.ABSENT ? Store.ABSENT : Model.toJava(t, v);
  }

  /** Members of the sync and flip groups, for conflicting writes. */
  public List<List<String>> groups() {
    List<List<String>> out = new ArrayList<>(runner.model.syncGroups());
    out.addAll(runner.model.flipGroups());
    return out;
  }

  /** Aggregation targets now (concrete paths). */
  public List<String> aggregationTargets() {
    return runner.model.aggregationTargets();
  }

  public String wiringText() {
    return runner.model.wiringText();
  }
}
