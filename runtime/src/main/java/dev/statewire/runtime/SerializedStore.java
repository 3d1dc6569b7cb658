package dev.statewire.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The supported way to share one {@link Store} between threads: the store is owned by a single
 * thread, and every operation from any thread is handed to that thread and runs there, one at a
 * time, in the order the calls arrive. Batches therefore never overlap, listeners and subscribers
 * always run on the owner thread, and each call sees the effects of every call that completed
 * before it started (the hand-over through the owner's queue is a happens-before edge).
 *
 * <pre>{@code
 * try (SerializedStore shared = SerializedStore.create(schema, initial)) {
 *   // from any thread:
 *   List<Change> applied = shared.apply(b -> b.set("quantity", 3).set("price", 9.5));
 *   Checkout now = (Checkout) shared.snapshot();
 *   int id = shared.call(store -> store.resolve("shipping.zip"));
 * }
 * }</pre>
 *
 * <p>Rules for the functions passed in: do all work with the {@link Store} inside the function,
 * and return detached values only ({@link Changes#toList()}, a snapshot, boxed values) — never a
 * {@link Changes} view, a {@link Batch} or a {@link ListenerEvent}, which belong to the owner
 * thread and go stale when the next batch runs. Do not keep the {@code Store} reference the
 * function receives. A call made from the owner thread itself (from a listener or subscriber)
 * runs directly, without waiting, so it cannot deadlock.
 *
 * <p>Exceptions thrown by the function (for example a {@link StateException} for a bad write) are
 * rethrown to the caller unchanged; the store is left as the pipeline leaves it (a refused batch
 * changes nothing).
 */
public final class SerializedStore implements AutoCloseable {
  private final ExecutorService owner;
  private final Thread ownerThread;
  private final Store store;

  private SerializedStore(ExecutorService owner, Thread ownerThread, Store store) {
    this.owner = owner;
    this.ownerThread = ownerThread;
    this.store = store;
  }

  /**
   * Creates a store on a new owner thread named {@code "statewire-" + root type}.
   *
   * @throws StateException if {@link Store#create} refuses {@code initial}
   */
  public static SerializedStore create(Schema schema, Object initial) {
    Objects.requireNonNull(schema, "schema");
    return create(schema, initial, "statewire-" + schema.rootType().getSimpleName());
  }

  /**
   * Creates a store on a new daemon owner thread called {@code threadName}. The store itself is
   * created on that thread.
   *
   * @throws StateException if {@link Store#create} refuses {@code initial}
   */
  public static SerializedStore create(Schema schema, Object initial, String threadName) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(threadName, "threadName");
    AtomicReference<Thread> thread = new AtomicReference<>();
    ExecutorService owner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      thread.set(t);
      return t;
    });
    try {
      Store store = await(owner.submit(() -> Store.create(schema, initial)));
      return new SerializedStore(owner, thread.get(), store);
    } catch (RuntimeException | Error e) {
      owner.shutdownNow();
      throw e;
    }
  }

  /**
   * Runs {@code task} with the store on the owner thread and returns its result; blocks until it
   * has run. Called from the owner thread, it runs at once.
   *
   * @throws IllegalStateException if this store was closed, or the caller was interrupted while
   *     waiting (the task may still run; the interrupt flag is set again)
   * @throws RuntimeException whatever {@code task} threw
   */
  public <T> T call(Function<? super Store, ? extends T> task) {
    Objects.requireNonNull(task, "task");
    if (Thread.currentThread() == ownerThread) {
      return task.apply(store);
    }
    return await(submit(task));
  }

  /**
   * Queues {@code task} to run with the store on the owner thread, after every task queued
   * before it, and returns at once. The future completes with the task's result or exception.
   *
   * @throws IllegalStateException if this store was closed
   */
  public <T> CompletableFuture<T> submit(Function<? super Store, ? extends T> task) {
    Objects.requireNonNull(task, "task");
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      owner.execute(() -> {
        try {
          f.complete(task.apply(store));
        } catch (Throwable e) {
          f.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("this SerializedStore was closed", e);
    }
    return f;
  }

  /**
   * Builds one batch with {@code writes} and applies it on the owner thread.
   *
   * @return the applied changes, detached ({@link Changes#toList()})
   */
  public List<Change> apply(Consumer<? super Batch> writes) {
    Objects.requireNonNull(writes, "writes");
    return call(s -> {
      Batch b = s.batch();
      writes.accept(b);
      return b.apply().toList();
    });
  }

  /** The current state, taken on the owner thread between batches; immutable. */
  public Object snapshot() {
    return call(Store::snapshot);
  }

  /** Whether the calling thread is the owner thread (true inside listeners and subscribers). */
  public boolean isOwnerThread() {
    return Thread.currentThread() == ownerThread;
  }

  /**
   * Stops the owner thread after the tasks already queued have run (waiting up to 10 seconds for
   * them); later calls throw {@link IllegalStateException}. Closing twice does nothing.
   */
  @Override
  public void close() {
    owner.shutdown();
    if (Thread.currentThread() == ownerThread) {
      return;
    }
    try {
      owner.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T await(java.util.concurrent.Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store's owner thread", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public String toString() {
    return "SerializedStore[" + store + " on thread \"" + ownerThread.getName() + "\"]";
  }
}
