package dev.statewire.runtime.reliability;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ListenerEvent;
import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.reliability.Model.Ch;
import dev.statewire.runtime.reliability.Model.Input;
import dev.statewire.runtime.reliability.Model.ModelException;
import dev.statewire.runtime.reliability.Model.Reg;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one script (an initial state and a list of steps) on a {@link Store} and on the {@link
 * Model} side by side, and compares after every step: the applied changes (path, value, flags,
 * tag, in order), the changes given to subscribers, the listener calls with what each received,
 * the exception (if any), the whole state (snapshot, every path through {@code get}, map key
 * order), the table sizes of {@code stats()} and which registrations are active.
 */
final class Runner {

  /** One step of a script. */
  sealed interface Step permits BatchStep, PairStep, AggStep, ListenStep, CloseStep {}

  /** A batch: its writes in order, and an optional tag. */
  record BatchStep(List<Input> ops, Object tag) implements Step {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("batch" + (tag == null ? "" : " tag=" + tag) + " [");
      for (int i = 0; i < ops.size(); i++) {
        Input in = ops.get(i);
        sb.append(i == 0 ? "" : ", ");
        switch (in.op()) {
          case "set" -> sb.append(in.path()).append('=').append(Model.show(in.javaValue()));
          case "put" -> sb.append("put ").append(in.path()).append('[').append(in.key()).append("]=").append(Model.show(in.javaValue()));
          case "add" -> sb.append("add ").append(in.path()).append("[]=").append(Model.show(in.javaValue()));
          default -> sb.append("remove ").append(in.path()).append('[').append(in.key()).append(']');
        }
      }
      return sb.append(']').toString();
    }
  }

  /** A runtime sync or flip registration, known later as {@code #id}. */
  record PairStep(int id, boolean flip, String a, String b) implements Step {
    @Override
    public String toString() {
      return "#" + id + " = " + (flip ? "flip " : "sync ") + a + " – " + b;
    }
  }

  /** A runtime aggregation. */
  record AggStep(int id, String target, List<String> sources) implements Step {
    @Override
    public String toString() {
      return "#" + id + " = aggregate " + target + " <- " + sources;
    }
  }

  /** What a test listener does besides returning its changes. */
  enum Fault { NONE, THROW, BAD_VALUE, REENTRANT }

  /** A listener: returns fixed changes (static paths), may fail, may record its scope value. */
  record ListenStep(int id, String path, String scope, List<Object[]> returns, Fault fault, boolean logScope)
      implements Step {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("#" + id + " = listen " + (path.isEmpty() ? "<root>" : path)
          + (scope.equals(path) ? "" : " scope " + (scope.isEmpty() ? "<root>" : scope)) + " returns [");
      for (int i = 0; i < returns.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(returns.get(i)[0]).append('=').append(Model.show(returns.get(i)[1]));
      }
      return sb.append(']').append(fault == Fault.NONE ? "" : " " + fault).append(logScope ? " (logs scope)" : "").toString();
    }
  }

  /** Closes registration {@code #id} (a second close must throw in both). */
  record CloseStep(int id) implements Step {
    @Override
    public String toString() {
      return "close #" + id;
    }
  }

  // ---- counters for the report ----
  static final class Counts {
    long batches;
    long changesIn;
    long applied;
    long faults;
    long wiringSteps;
    long rejectedWiring;
    long doubleCloses;
    /** Batches of one input that applied something (the engine's single-input lane). */
    long singleInputApplied;
    /** Batches run while every active listener was on the root (the listener table's root lane). */
    long rootListenerBatches;

    void add(Counts o) {
      singleInputApplied += o.singleInputApplied;
      rootListenerBatches += o.rootListenerBatches;
      batches += o.batches;
      changesIn += o.changesIn;
      applied += o.applied;
      faults += o.faults;
      wiringSteps += o.wiringSteps;
      rejectedWiring += o.rejectedWiring;
      doubleCloses += o.doubleCloses;
    }
  }

  /** How a batch's inputs reach the store: the untyped API by default, or a generated typed API. */
  interface Applier {
    /** Adds {@code ops} to a new batch of {@code store} (tagged when {@code tag} is not null) and applies it. */
    Changes apply(Store store, List<Input> ops, Object tag);
  }

  final Scenario scenario;
  final Store store;
  final Model model;
  final Counts counts = new Counts();
  /** Applies each batch; replaceable (the processor's fuzz test drives generated stores). */
  Applier applier = Runner::applyUntyped;
  private final List<List<Change>> notes = new ArrayList<>();
  private final List<String> storeLog = new ArrayList<>();
  private final Map<Integer, Registration> storeRegs = new HashMap<>();
  private final Map<Integer, Reg> modelRegs = new HashMap<>();
  /** The path of each listener registration the store accepted, by step ID. */
  private final Map<Integer, String> listenerPaths = new HashMap<>();

  Runner(Scenario scenario, Object initial) {
    this(scenario, Store.create(scenario.schema(), initial), scenario.model(initial));
  }

  /**
   * A runner over a store made elsewhere (for example from a generated schema) and a model of
   * the same state, with the scenario's static wiring.
   */
  Runner(Scenario scenario, Store store, Model model) {
    this.scenario = scenario;
    this.store = store;
    this.model = model;
    store.subscribe(c -> notes.add(c.toList()));
  }

  /** IDs of the registrations that are active in the model. */
  List<Integer> activeIds() {
    List<Integer> out = new ArrayList<>();
    modelRegs.forEach((id, r) -> {
      if (r.active) {
        out.add(id);
      }
    });
    out.sort(null);
    return out;
  }

  /** Runs the steps; returns the first difference (with its step number), or null. */
  String runAll(List<Step> steps) {
    String d = compareState();
    if (d != null) {
      return "after Store.create: " + d;
    }
    for (int i = 0; i < steps.size(); i++) {
      String r;
      try {
        r = step(steps.get(i));
      } catch (RuntimeException | AssertionError e) {
        r = "harness error " + e + stack(e);
      }
      if (r != null) {
        return "step " + i + " (" + steps.get(i) + "): " + r;
      }
    }
    return null;
  }

  private static String stack(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement s : e.getStackTrace()) {
      if (sb.length() > 1500) {
        break;
      }
      sb.append("\n      at ").append(s);
    }
    return sb.toString();
  }

  /** Runs one step on both sides and compares; null when they agree. */
  String step(Step s) {
    notes.clear();
    storeLog.clear();
    model.listenerLog.clear();
    String r;
    if (s instanceof BatchStep b) {
      r = batch(b);
    } else if (s instanceof PairStep p) {
      r = pair(p);
    } else if (s instanceof AggStep a) {
      r = aggregate(a);
    } else if (s instanceof ListenStep l) {
      r = listen(l);
    } else {
      r = close((CloseStep) s);
    }
    if (r != null) {
      return r;
    }
    if (!storeLog.equals(model.listenerLog)) {
      return "listener calls differ\n    model: " + String.join("\n           ", model.listenerLog)
          + "\n    store: " + String.join("\n           ", storeLog);
    }
    for (Map.Entry<Integer, Reg> e : modelRegs.entrySet()) {
      Registration sr = storeRegs.get(e.getKey());
      if (sr.isActive() != e.getValue().active) {
        return "registration #" + e.getKey() + " active: model " + e.getValue().active + ", store " + sr.isActive();
      }
    }
    return compareState();
  }

  // ---- batches ----

  /** The inputs of {@code b} that exist now (a shrunk script may name entries that are gone). */
  List<Input> validInputs(BatchStep b) {
    List<Input> ok = new ArrayList<>();
    for (Input in : b.ops()) {
      boolean valid = switch (in.op()) {
        case "set" -> model.resolvable(in.path());
        case "put", "add" -> model.resolvable(in.path());
        default -> model.resolvable(in.path() + "." + in.key());
      };
      if (valid) {
        ok.add(in);
      }
    }
    return ok;
  }

  private String batch(BatchStep b) {
    List<Input> ops = validInputs(b);
    List<Ch> expected = null;
    ModelException expectedError = null;
    try {
      expected = model.batch(ops, b.tag());
    } catch (ModelException e) {
      expectedError = e;
    }
    List<Ch> actual = null;
    RuntimeException actualError = null;
    try {
      Changes c = applier.apply(store, ops, b.tag());
      actual = toModel(c.toList());
    } catch (RuntimeException e) {
      actualError = e;
    }
    counts.batches++; // compared: both sides ran it
    counts.changesIn += ops.size();
    String r = outcome(expectedError, actualError);
    if (r != null) {
      return r;
    }
    if (expectedError != null) {
      counts.faults++;
      return notes.isEmpty() ? null : "subscribers notified after a failed batch: " + notes;
    }
    counts.applied += expected.size();
    if (ops.size() == 1 && !expected.isEmpty()) {
      counts.singleInputApplied++;
    }
    if (onlyRootListeners()) {
      counts.rootListenerBatches++;
    }
    r = compareApplied(expected, actual);
    if (r != null) {
      return r;
    }
    return compareNotes(actual);
  }

  /** The untyped API: dot paths, {@code put}, {@code remove} and {@code add} by container ID. */
  static Changes applyUntyped(Store store, List<Input> ops, Object tag) {
    Batch batch = store.batch();
    if (tag != null) {
      batch.tag(tag);
    }
    for (Input in : ops) {
      switch (in.op()) {
        case "set" -> batch.set(in.path(), in.javaValue());
        case "put" -> batch.put(store.resolve(in.path()), in.key(), in.javaValue());
        case "add" -> batch.add(store.resolve(in.path()), in.javaValue());
        default -> batch.remove(store.resolve(in.path()), in.key());
      }
    }
    return batch.apply();
  }

  private String compareNotes(List<Ch> applied) {
    if (applied.isEmpty()) {
      return notes.isEmpty() ? null : "nothing applied but subscribers were notified: " + notes;
    }
    if (notes.size() != 1) {
      return "subscribers notified " + notes.size() + " times, expected once";
    }
    String r = compareApplied(applied, toModel(notes.get(0)));
    return r == null ? null : "subscriber list differs from the applied list: " + r;
  }

  private String outcome(ModelException expected, RuntimeException actual) {
    if (expected == null && actual == null) {
      return null;
    }
    if (expected != null && actual != null && expected.expected.isInstance(actual)) {
      return null;
    }
    return "outcome differs: model " + (expected == null ? "succeeds" : "throws " + expected.expected.getSimpleName()
        + " (" + expected.getMessage() + ")") + ", store " + (actual == null ? "succeeds" : "throws " + actual
        + (actual.getCause() == null ? "" : " caused by " + actual.getCause())) + (actual == null ? "" : stack(actual));
  }

  List<Ch> toModel(List<Change> changes) {
    List<Ch> out = new ArrayList<>();
    for (Change c : changes) {
      out.add(new Ch(c.path(), Model.fromJava(model.typeAt(c.path()), c.value()), c.flags(), c.tag()));
    }
    return out;
  }

  static String compareApplied(List<Ch> expected, List<Ch> actual) {
    boolean same = expected.size() == actual.size();
    for (int i = 0; same && i < expected.size(); i++) {
      Ch e = expected.get(i);
      Ch a = actual.get(i);
      same = e.path().equals(a.path()) && Objects.equals(e.value(), a.value()) && e.flags().equals(a.flags())
          && Objects.equals(e.tag(), a.tag());
    }
    if (same) {
      return null;
    }
    return "applied changes differ\n    model: " + expected + "\n    store: " + actual;
  }

  // ---- wiring ----

  /**
   * One registration made in the model and in the store: the model's result (or its refusal),
   * the store's registration, and {@code failure} when the two disagree on refusing it.
   */
  private record Registered<M>(M model, Registration store, boolean refused, String failure) {}

  /** Makes a registration on both sides and compares their outcome; counts agreed refusals. */
  private <M> Registered<M> register(java.util.function.Supplier<M> inModel, java.util.function.Supplier<Registration> inStore) {
    counts.wiringSteps++;
    M expected = null;
    ModelException expectedError = null;
    try {
      expected = inModel.get();
    } catch (ModelException e) {
      expectedError = e;
    }
    Registration reg = null;
    RuntimeException actualError = null;
    try {
      reg = inStore.get();
    } catch (RuntimeException e) {
      actualError = e;
    }
    String failure = outcome(expectedError, actualError);
    if (failure == null && expectedError != null) {
      counts.rejectedWiring++;
    }
    return new Registered<>(expected, reg, expectedError != null, failure);
  }

  private String pair(PairStep p) {
    if (!model.resolvable(p.a()) || !model.resolvable(p.b())) {
      return null; // a shrunk script may name an entry that is gone
    }
    Registered<Object[]> r = register(() -> model.registerPair(p.flip(), p.a(), p.b()), () -> {
      int a = store.resolve(p.a());
      int b = store.resolve(p.b());
      return p.flip() ? store.wiring().flip(a, b) : store.wiring().sync(a, b);
    });
    if (r.failure() != null) {
      return r.failure();
    }
    if (r.refused()) {
      return notes.isEmpty() ? null : "subscribers notified after a failed registration: " + notes;
    }
    modelRegs.put(p.id(), (Reg) r.model()[0]);
    storeRegs.put(p.id(), r.store());
    @SuppressWarnings("unchecked")
    List<Ch> alignment = (List<Ch>) r.model()[1];
    if (alignment.isEmpty()) {
      return notes.isEmpty() ? null : "no alignment expected, but subscribers got " + notes;
    }
    if (notes.size() != 1) {
      return "alignment batch: subscribers notified " + notes.size() + " times, expected once with " + alignment;
    }
    String d = compareApplied(alignment, toModel(notes.get(0)));
    return d == null ? null : "alignment batch: " + d;
  }

  private String aggregate(AggStep a) {
    if (!model.resolvable(a.target()) || !a.sources().stream().allMatch(model::resolvable)) {
      return null;
    }
    Registered<Reg> r = register(() -> model.registerAggregation(a.target(), a.sources()), () -> {
      int[] ids = new int[a.sources().size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = store.resolve(a.sources().get(i));
      }
      return store.wiring().aggregate(store.resolve(a.target()), ids);
    });
    if (r.failure() != null) {
      return r.failure();
    }
    if (!r.refused()) {
      modelRegs.put(a.id(), r.model());
      storeRegs.put(a.id(), r.store());
    }
    return notes.isEmpty() ? null : "an aggregation registration notified subscribers: " + notes;
  }

  /** Whether the store has active listeners, all of them on the root. */
  private boolean onlyRootListeners() {
    boolean any = false;
    for (Map.Entry<Integer, String> e : listenerPaths.entrySet()) {
      if (storeRegs.get(e.getKey()).isActive()) {
        if (!e.getValue().isEmpty()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private String listen(ListenStep l) {
    if (!model.resolvable(l.path()) || !model.resolvable(l.scope())) {
      return null;
    }
    Registered<Reg> r = register(
        () -> model.listen(l.id(), l.path(), l.scope(), (received, scopeValue) -> {
          model.listenerLog.add(logLine(l, received, scopeValue));
          if (l.fault() != Fault.NONE) {
            throw new ModelException(ListenerException.class, "listener #" + l.id() + " " + l.fault());
          }
          return l.returns();
        }),
        () -> store.listen(store.resolve(l.path()), store.resolve(l.scope()), event -> storeListener(l, event)));
    if (r.failure() != null) {
      return r.failure();
    }
    if (!r.refused()) {
      modelRegs.put(l.id(), r.model());
      storeRegs.put(l.id(), r.store());
      listenerPaths.put(l.id(), l.path());
    }
    return null;
  }

  private void storeListener(ListenStep l, ListenerEvent event) {
    List<Change> got = event.changes().toList();
    Object scope = null;
    if (l.logScope()) {
      scope = Model.fromJava(model.typeAt(l.scope()), event.scopeValue());
    }
    storeLog.add(logLine(l, toModel(got), scope));
    switch (l.fault()) {
      case THROW -> throw new IllegalStateException("injected fault in listener #" + l.id());
      case BAD_VALUE -> event.emit(badPath(), badValue(badPath()));
      case REENTRANT -> store.set(badPath(), store.get(badPath())); // must be refused
      default -> {
        for (Object[] ret : l.returns()) {
          event.emit((String) ret[0], ret[1]);
        }
      }
    }
  }

  /** The first leaf path of the root type, for a wrongly typed emit. */
  private String badPath() {
    RecordComponent rc = scenario.type().getRecordComponents()[1];
    return rc.getName();
  }

  private Object badValue(String path) {
    Class<?> c = Model.raw(model.typeAt(path));
    return c == Long.class || c == long.class ? (Object) "not a long" : (Object) Long.valueOf(7);
  }

  private static String logLine(ListenStep l, List<Ch> received, Object scopeValue) {
    return "L" + l.id() + " <- " + received + (l.logScope() ? " scope=" + Model.show(scopeValue) : "");
  }

  private String close(CloseStep c) {
    Reg m = modelRegs.get(c.id());
    Registration s = storeRegs.get(c.id());
    if (m == null) {
      return null;
    }
    counts.wiringSteps++;
    if (!m.active) {
      counts.doubleCloses++;
    }
    ModelException expectedError = null;
    try {
      model.close(m);
    } catch (ModelException e) {
      expectedError = e;
    }
    RuntimeException actualError = null;
    try {
      s.close();
    } catch (RuntimeException e) {
      actualError = e;
    }
    String r = outcome(expectedError, actualError);
    if (r != null) {
      return r;
    }
    return notes.isEmpty() ? null : "closing notified subscribers: " + notes;
  }

  // ---- state ----

  /** Compares the whole state; null when equal. */
  String compareState() {
    Object expected = model.snapshot();
    Object actual = store.snapshot();
    if (!Objects.equals(expected, actual)) {
      return "state differs\n    model: " + expected + "\n    store: " + actual + "\n    model wiring: " + model.wiringText();
    }
    List<String> diffs = new ArrayList<>();
    walk("", scenario.type(), diffs);
    if (!diffs.isEmpty()) {
      return "paths differ: " + diffs + "\n    model wiring: " + model.wiringText();
    }
    Store.Stats st = store.stats();
    int[] m = model.tableSizes();
    if (st.syncEdges() != m[0] || st.flipEdges() != m[1] || st.aggregations() != m[2] || st.listeners() != m[3]) {
      return "table sizes differ: model sync/flip/aggregations/listeners " + m[0] + "/" + m[1] + "/" + m[2] + "/" + m[3]
          + ", store " + st + "\n    model wiring: " + model.wiringText();
    }
    return null;
  }

  private void walk(String path, Type t, List<String> diffs) {
    if (diffs.size() > 5) {
      return;
    }
    if (!path.isEmpty()) {
      Object expected = Model.visible(t, model.get(path));
      Object actual;
      try {
        actual = Model.fromJava(t, store.get(path));
      } catch (RuntimeException e) {
        diffs.add(path + ": store.get threw " + e);
        return;
      }
      if (!Objects.equals(expected, actual)) {
        diffs.add(path + ": model " + Model.show(expected) + ", store " + Model.show(actual));
      }
      Object raw = model.get(path);
      boolean storeSet = store.isSet(store.resolve(path));
      boolean modelSet = raw != null && raw != Model.ABSENT;
      if (storeSet != modelSet) {
        diffs.add(path + ": isSet model " + modelSet + ", store " + storeSet + " (raw " + Model.show(raw) + ")");
      }
    }
    if (Model.isRecord(t)) {
      for (RecordComponent rc : Model.components(t)) {
        walk(Model.join(path, rc.getName()), rc.getGenericType(), diffs);
      }
    } else if (Model.isContainer(t)) {
      List<String> mk = model.keys(path);
      List<String> sk = new ArrayList<>();
      if (Model.isMap(t)) {
        sk.addAll(store.keys(store.resolve(path)));
      } else {
        for (int i = 0; i < store.size(store.resolve(path)); i++) {
          sk.add(Integer.toString(i));
        }
      }
      if (!mk.equals(sk)) {
        diffs.add(path + ": keys model " + mk + ", store " + sk);
        return;
      }
      for (String k : mk) {
        walk(path + "." + k, Model.entryType(t), diffs);
      }
    }
  }

  /** Flags as sorted names, for messages. */
  static String flags(Set<ChangeFlag> f) {
    return new TreeSet<>(f.stream().map(Enum::name).toList()).toString();
  }
}
