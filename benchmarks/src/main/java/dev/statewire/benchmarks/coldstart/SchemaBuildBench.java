package dev.statewire.benchmarks.coldstart;

import dev.statewire.runtime.Schema;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link Schema} constructor alone, warm: what {@code WallSchema}'s static initializer calls,
 * with the tables it holds (with its prebuilt groups when the generated schema has them). Found by
 * reflection, so that the same source measures a library version whose schemas carry no groups.
 * {@link ColdStartBench} gives the cold figures around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class SchemaBuildBench {
  private Constructor<?> constructor;
  private Object[] arguments;

  @Setup(Level.Trial)
  public void setUp() throws ReflectiveOperationException {
    Class<?> generated = WallSchema.class;
    List<Object> args = new ArrayList<>(List.of(Wall.class));
    for (String name : new String[] {"NAMES", "PARENTS", "KINDS", "TYPES", "SYNC_PAIRS", "FLIP_PAIRS", "AGGREGATIONS"}) {
      args.add(field(generated, name));
    }
    Field tablesField = Schema.class.getDeclaredField("tables");
    tablesField.setAccessible(true);
    Object tables = tablesField.get(WallSchema.SCHEMA);
    args.add(tables.getClass().getField("codec").get(tables)); // the generated codec
    args.add(field(generated, "TYPE_NAMES"));
    try {
      for (String name : new String[] {"SYNC_GROUPS", "FLIP_GROUPS", "FLIP_PARITIES"}) {
        args.add(field(generated, name));
      }
    } catch (NoSuchFieldException before) {
      args.subList(10, args.size()).clear(); // a schema without prebuilt groups
    }
    for (Constructor<?> c : Schema.class.getConstructors()) {
      if (c.getParameterCount() == args.size()) {
        constructor = c;
      }
    }
    arguments = args.toArray();
  }

  private static Object field(Class<?> owner, String name) throws ReflectiveOperationException {
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(null);
  }

  @Benchmark
  public Object schema() throws ReflectiveOperationException {
    return constructor.newInstance(arguments);
  }
}
