package dev.statewire.benchmarks.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start, paid once per JVM: the first use of a generated schema ({@code schema}: loading and
 * initialising {@code WallSchema}: 207 paths, 2 sync groups of 40 members and 40 flip groups, plus
 * the flip group of the map's entry template) and the first store ({@code firstStore}: the same,
 * then a store of {@link Wall} from an initial value). Each measurement loads {@link ColdStart}
 * and everything it uses (the runtime included) in a new class loader whose parent is the
 * platform loader, so it runs interpreted on freshly loaded classes as in a new JVM; single shot,
 * several forks. The figures include class loading, which is the same for two versions of the
 * library that have the same classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(3)
public class ColdStartBench {
  private static final URL[] CODE = {ColdStart.class.getProtectionDomain().getCodeSource().getLocation()};

  private static Object call(ClassLoader fresh, String method) throws ReflectiveOperationException {
    Method m = Class.forName(ColdStart.class.getName(), true, fresh).getMethod(method);
    return m.invoke(null);
  }

  /** Everything loaded afresh, the runtime included: a new JVM's first schema. */
  @Benchmark
  public Object schema() throws ReflectiveOperationException {
    return call(new URLClassLoader(CODE, ClassLoader.getPlatformClassLoader()), "schema");
  }

  /** Everything loaded afresh: a new JVM's first store. */
  @Benchmark
  public Object firstStore() throws ReflectiveOperationException {
    return call(new URLClassLoader(CODE, ClassLoader.getPlatformClassLoader()), "firstStore");
  }

  /**
   * Only this package's classes (the state, its generated classes) loaded afresh; the runtime is
   * the benchmark's own, loaded and compiled by the warmup: what initialising one more generated
   * schema costs in a running application, with less class loading around it.
   */
  @Benchmark
  public Object schemaRuntimeLoaded() throws ReflectiveOperationException {
    return call(new OwnPackage(), "schema");
  }

  /** As {@link #schemaRuntimeLoaded}, then the first store. */
  @Benchmark
  public Object firstStoreRuntimeLoaded() throws ReflectiveOperationException {
    return call(new OwnPackage(), "firstStore");
  }

  /** Defines the classes of this package itself; everything else comes from the benchmark's loader. */
  private static final class OwnPackage extends ClassLoader {
    private static final String PREFIX = ColdStart.class.getPackageName() + ".";

    OwnPackage() {
      super(ColdStartBench.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PREFIX) || name.equals(ColdStartBench.class.getName()) || name.contains("jmh_generated")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
