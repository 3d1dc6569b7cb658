package dev.statewire.runtime.internal;

import java.util.Arrays;

/** A growable list of {@code int}s; no boxing. */
public final class IntList {
  /** The storage of every list made with capacity 0 until its first add: one array per JVM. */
  private static final int[] NO_INTS = new int[0];

  private int[] data;
  private int size;

  /** An empty list. */
  public IntList() {
    this(4);
  }

  /**
   * An empty list with room for {@code capacity} values; with 0 it allocates nothing until its
   * first add (an unused list costs only its 24 B object, not also a 32 B array).
   */
  public IntList(int capacity) {
    data = capacity == 0 ? NO_INTS : new int[Math.max(1, capacity)];
  }

  /** A copy of {@code other}. */
  public IntList(IntList other) {
    data = Arrays.copyOf(other.data, Math.max(1, other.size));
    size = other.size;
  }

  /** Number of values. */
  public int size() {
    return size;
  }

  /** Whether there are no values. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Value {@code i}. */
  public int get(int i) {
    return data[i];
  }

  /** Replaces value {@code i} with {@code v}. */
  public void set(int i, int v) {
    data[i] = v;
  }

  /** Keeps the first {@code n} values (for compacting in place with {@link #set}). */
  public void truncate(int n) {
    if (n != size) { // an empty list is not written, as in clear()
      size = n;
    }
  }

  /** Appends {@code v}. */
  public void add(int v) {
    if (size == data.length) {
      data = Arrays.copyOf(data, size == 0 ? 4 : size * 2);
    }
    data[size++] = v;
  }

  /** Removes and returns the last value. */
  public int pop() {
    return data[--size];
  }

  /** Index of the first {@code v}, or -1. */
  public int indexOf(int v) {
    for (int i = 0; i < size; i++) {
      if (data[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code v} is in the list. */
  public boolean contains(int v) {
    return indexOf(v) >= 0;
  }

  /** Removes value at index {@code i}, keeping the order of the rest. */
  public void removeAt(int i) {
    System.arraycopy(data, i + 1, data, i, size - i - 1);
    size--;
  }

  /** Removes the first {@code v}; returns whether it was there. */
  public boolean removeValue(int v) {
    int i = indexOf(v);
    if (i < 0) {
      return false;
    }
    removeAt(i);
    return true;
  }

  /** Inserts {@code v} at index {@code i}. */
  public void insert(int i, int v) {
    add(0);
    System.arraycopy(data, i, data, i + 1, size - i - 1);
    data[i] = v;
  }

  /** Removes every value. */
  public void clear() {
    if (size != 0) { // an empty list is not written: one may be shared by many stores and threads
      size = 0;
    }
  }

  /** The values as a new array. */
  public int[] toArray() {
    return Arrays.copyOf(data, size);
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }
}
