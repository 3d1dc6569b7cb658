package dev.statewire.runtime;

import java.util.Objects;

/**
 * A typed handle on one path of a store: its path ID, its dot string and the Java type of its
 * value. Generated {@code XPaths} classes hold one constant per static path, so that writes,
 * wiring and listeners are type-checked by javac ({@code sync(Path<T>, Path<T>)}).
 *
 * <p>Handles on entries of dynamic containers ({@code items.k1.qty}) are made by the store that
 * holds the entry and are valid only in that store while the entry exists: once the entry is
 * removed, using the handle throws {@link UnknownPathException}, even after another entry has
 * taken over its path IDs.
 *
 * @param <T> the type of the value at the path (boxed for primitives)
 */
public final class Path<T> {
  private final int id;
  private final String path;
  private final Class<T> type;
  private final Object owner;
  /** The stamp of the entry this handle was made for (0 for a static path), see Store#stamp. */
  private final int stamp;

  private Path(int id, String path, Class<T> type, Object owner, int stamp) {
    if (id < 0) {
      throw new IllegalArgumentException("path ID must be >= 0, got " + id + " for \"" + path + "\"");
    }
    this.id = id;
    this.path = Objects.requireNonNull(path, "path");
    this.type = Objects.requireNonNull(type, "type");
    this.owner = owner;
    this.stamp = stamp;
  }

  /**
   * A handle on a static path: valid in every store of the schema that declares {@code id}.
   *
   * @param id the path ID
   * @param path the dot string, e.g. {@code "shipping.zip"}
   * @param type the value's type, boxed for primitives ({@code Boolean.class} for {@code boolean})
   */
  public static <T> Path<T> of(int id, String path, Class<T> type) {
    return new Path<>(id, path, type, null, 0);
  }

  static <T> Path<T> dynamic(int id, String path, Class<T> type, Object owner, int stamp) {
    return new Path<>(id, path, type, owner, stamp);
  }

  /** The path ID. */
  public int id() {
    return id;
  }

  /** The path as a dot string. */
  public String path() {
    return path;
  }

  /** The type of the value at this path (boxed for primitives). */
  public Class<T> type() {
    return type;
  }

  /** The store this handle belongs to, or {@code null} for a static path valid in every store. */
  Object owner() {
    return owner;
  }

  /** The stamp of the entry this handle names; 0 for a static path. */
  int stamp() {
    return stamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Path<?> p && p.id == id && p.owner == owner && p.stamp == stamp
        && p.path.equals(path);
  }

  @Override
  public int hashCode() {
    return id * 31 + path.hashCode();
  }

  @Override
  public String toString() {
    return path.isEmpty() ? "<root>" : path;
  }
}
