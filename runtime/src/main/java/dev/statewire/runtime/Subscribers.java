package dev.statewire.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The subscribers of one store ({@link Store#subscribe}), the batches that subscribers and
 * observers start while they are called, and the round that tells them: a batch started there
 * waits here and runs after the calls, never nested. Made by the store's first subscriber or
 * observer.
 *
 * <p>A round: each committed batch is filed with the {@link Observers} and handed to the
 * subscribers; the batches they started run next, each handed on in the same way; when none is
 * left, the observers are told (once, with the values before the round and after it), and the
 * batches they started run the same way, until none is left.
 */
final class Subscribers {
  /** Batches that subscribers and observers may start in a row before the store gives up. */
  private static final int MAX_DEFERRED_BATCHES = 1000;

  /** The subscriber registrations, in order. */
  private final ArrayList<Reg> regs = new ArrayList<>();
  /** Batches written by subscribers during the current round, in order; made by the first. */
  private ArrayDeque<Batch> deferred;
  /** The view the last notified batch handed its subscribers, until its caller takes it. */
  private Changes notified;

  /** One subscriber registration. */
  private final class Reg extends RegistrationBase {
    final Consumer<Changes> fn;

    Reg(Consumer<Changes> fn) {
      this.fn = fn;
    }

    @Override
    String closedAgain() {
      return "subscriber registration was closed already";
    }

    @Override
    void ended() {
      regs.remove(this);
    }
  }

  /** Adds a subscriber, called after each batch that applied something. */
  Registration add(Consumer<Changes> fn) {
    Objects.requireNonNull(fn, "subscriber");
    Reg r = new Reg(fn);
    regs.add(r);
    return r;
  }

  boolean isEmpty() {
    return regs.isEmpty();
  }

  int size() {
    return regs.size();
  }

  /**
   * Calls every subscriber active now with {@code changes}. A subscriber that throws does not stop
   * the others: the batch is committed, so the exception goes to the thread's uncaught exception
   * handler (as JavaFX does with its listeners).
   */
  void call(Changes changes) {
    for (Reg r : new ArrayList<>(regs)) {
      if (r.isActive()) {
        try {
          r.fn.accept(changes);
        } catch (RuntimeException | Error e) {
          report(e);
        }
      }
    }
  }

  /**
   * Runs the round of the committed batch that applied {@code applied} changes ({@code 0} when
   * values changed without a batch), whose view {@code first} is given when there are subscribers
   * (else null): see the class comment. The batch is committed by now, so a subscriber or observer
   * that throws (or a batch it started that fails) does not stop the others: the exception goes to
   * the thread's uncaught exception handler, as JavaFX does with its listeners, and the caller's
   * write still succeeds. The caller holds the writer slot.
   */
  void notifyAll(Engine engine, Changes first, int applied) {
    Observers observers = engine.observersIfAny();
    Changes result = first;
    int n = applied;
    int chained = 0;
    while (true) {
      if (n > 0) {
        if (observers != null) {
          observers.collect(engine.pipeline.queue(), engine.pipeline.appliedIndexes(), n);
        }
        if (!regs.isEmpty()) {
          engine.enterPhase(Engine.Phase.NOTIFY);
          call(result != null ? result : engine.pipeline.view());
        }
      }
      Batch next = nextDeferred();
      if (next == null && observers != null && observers.hasWork()) {
        engine.enterPhase(Engine.Phase.NOTIFY);
        observers.tell();
        next = nextDeferred();
      }
      if (next == null) {
        return;
      }
      if (++chained > MAX_DEFERRED_BATCHES) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < next.input.size() && i < 10; i++) {
          written.append(i == 0 ? "" : ", ").append(engine.pathString(next.input.path[i]));
        }
        throw new StateException(
            "subscribers and observers started " + MAX_DEFERRED_BATCHES + " batches in a row"
                + " without settling; the last one wrote [" + written + "]. Stop writing from a"
                + " subscriber or observer once the state is what it wants");
      }
      try {
        engine.revalidate(next);
        engine.enterPhase(Engine.Phase.PIPELINE);
        engine.pipeline.run(next.input, next.tagValue(), false);
      } catch (RuntimeException | Error e) {
        engine.pipeline.appliedNothing();
        report(e); // abandoned: it applied nothing, and the batches after it still run
      }
      // a batch that applied nothing notifies no one
      n = engine.pipeline.appliedCount();
      result = null;
    }
  }

  /** Keeps {@code b}, written by a subscriber, to run after the current round. */
  void defer(Batch b) {
    if (deferred == null) {
      deferred = new ArrayDeque<>();
    }
    deferred.add(b);
  }

  /** The next batch a subscriber wrote, or null. */
  Batch nextDeferred() {
    return deferred == null ? null : deferred.poll();
  }

  /** Drops the batches still waiting (their round failed). */
  void clearDeferred() {
    if (deferred != null) {
      deferred.clear();
    }
  }

  /** Keeps the view the subscribers were called with, for the caller of the batch. */
  void handOff(Changes view) {
    notified = view;
  }

  /** The view kept by {@link #handOff}, once. */
  Changes takeView() {
    Changes v = notified;
    notified = null;
    return v;
  }

  /** Hands an exception that no caller can receive to the current thread's handler. */
  static void report(Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    Thread t = Thread.currentThread();
    t.getUncaughtExceptionHandler().uncaughtException(t, e);
  }
}
