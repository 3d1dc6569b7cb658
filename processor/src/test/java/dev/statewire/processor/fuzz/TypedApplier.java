package dev.statewire.processor.fuzz;

import dev.statewire.processor.fuzz.FuzzTree.ListOf;
import dev.statewire.processor.fuzz.FuzzTree.MapOf;
import dev.statewire.processor.fuzz.FuzzTree.Rec;
import dev.statewire.processor.fuzz.FuzzTree.T;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.reliability.GeneratedStoreRun;
import dev.statewire.runtime.reliability.GeneratedStoreRun.Op;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Applies batches through the generated typed API, found by reflection on the compiled {@code
 * XStore}: {@code store.batch().shipping().setZip(v).done().lines().entry("k1").setQty(2)...apply()},
 * and single writes through the views ({@code store.shipping().setZip(v)}). Navigation goes
 * through the component methods (or their {@code name_} form where the generated class has a
 * member of that name), {@code entry(key)} / {@code get(key)} for entries.
 */
final class TypedApplier implements GeneratedStoreRun.Applier {
  private final FuzzTree tree;
  private final Object typedStore;
  /** Single writes go through the views instead of a typed batch. */
  private final boolean views;

  TypedApplier(FuzzTree tree, Object typedStore, boolean views) {
    this.tree = tree;
    this.typedStore = typedStore;
    this.views = views;
  }

  @Override
  public Changes apply(Store store, List<Op> ops, Object tag) {
    try {
      if (views && ops.size() == 1 && tag == null) {
        return (Changes) write(typedStore, ops.get(0), "View");
      }
      Object batch = call(typedStore, "batch");
      if (tag != null) {
        call(batch, "tag", tag);
      }
      for (Op op : ops) {
        write(batch, op, "Writes");
      }
      return (Changes) call(batch, "apply");
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("typed API: " + e, e);
    }
  }

  /** One write, from the root of the typed store or batch; returns what the last call returned. */
  private Object write(Object start, Op op, String suffix) throws ReflectiveOperationException {
    if (op.path().isEmpty()) {
      return call(start, "replace", op.javaValue());
    }
    String[] seg = op.path().split("\\.", -1);
    Object cur = start;
    T t = new Rec(tree.root().name());
    boolean container = !op.op().equals("set");
    int last = container ? seg.length : seg.length - 1;
    for (int i = 0; i < last; i++) {
      if (t instanceof Rec r) {
        cur = nav(cur, seg[i], suffix);
        t = tree.record(r.name()).comp(seg[i]).type();
      } else if (t instanceof MapOf m) {
        cur = call(cur, suffix.equals("View") ? "get" : "entry", seg[i]);
        t = m.entry();
      } else {
        cur = call(cur, suffix.equals("View") ? "get" : "entry", Integer.parseInt(seg[i]));
        t = ((ListOf) t).entry();
      }
    }
    switch (op.op()) {
      case "put":
        return call(cur, "put", op.key(), op.javaValue());
      case "remove":
        return call(cur, "remove", op.key());
      case "add":
        return call(cur, "add", op.javaValue());
      default:
        break;
    }
    String s = seg[seg.length - 1];
    if (t instanceof Rec) {
      return call(cur, "set" + Character.toUpperCase(s.charAt(0)) + s.substring(1), op.javaValue());
    }
    if (t instanceof MapOf) {
      return call(cur, "put", s, op.javaValue());
    }
    return call(cur, "set", Integer.parseInt(s), op.javaValue());
  }

  /**
   * The navigation method of component {@code name}: {@code name_()} if there is one, else {@code
   * name()}; its class is a view or writes class, whose name may end in {@code _} (NameScope).
   */
  private static Object nav(Object on, String name, String suffix) throws ReflectiveOperationException {
    for (String n : new String[] {name + "_", name}) {
      for (Method m : on.getClass().getMethods()) {
        if (m.getName().equals(n) && m.getParameterCount() == 0 && m.getReturnType().getSimpleName().replaceAll("_+$", "").endsWith(suffix)) {
          return m.invoke(on);
        }
      }
    }
    throw new NoSuchMethodException(on.getClass().getSimpleName() + " has no navigation method for \"" + name + "\"");
  }

  /** Calls the public method {@code name} whose parameters accept {@code args}. */
  static Object call(Object on, String name, Object... args) throws ReflectiveOperationException {
    for (Method m : on.getClass().getMethods()) {
      if (!m.getName().equals(name) || m.getParameterCount() != args.length) {
        continue;
      }
      Class<?>[] p = m.getParameterTypes();
      boolean ok = true;
      for (int i = 0; i < p.length && ok; i++) {
        ok = args[i] == null ? !p[i].isPrimitive() : box(p[i]).isInstance(args[i]);
      }
      if (ok && !(p.length > 0 && p[0] == dev.statewire.runtime.Path.class)) {
        m.setAccessible(true);
        return m.invoke(on, args);
      }
    }
    throw new NoSuchMethodException(on.getClass().getSimpleName() + "." + name + " for " + java.util.Arrays.toString(args));
  }

  /** Calls the public static method {@code name} of {@code type} with one argument. */
  static Object callStatic(Class<?> type, String name, Object arg) throws ReflectiveOperationException {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1 && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        return m.invoke(null, arg);
      }
    }
    throw new NoSuchMethodException(type.getSimpleName() + "." + name);
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(c, 1), 0).getClass();
  }
}
