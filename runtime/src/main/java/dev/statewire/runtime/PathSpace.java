package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static dev.statewire.runtime.internal.SchemaTables.boxed;

import dev.statewire.runtime.internal.ComponentGraph;
import dev.statewire.runtime.internal.IntList;
import dev.statewire.runtime.internal.SchemaTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The path IDs of one store: the static IDs of the schema (0 to {@code staticCount - 1}) and the
 * dynamic IDs of map and list entries above them, each entry one block of IDs laid out like its
 * entry template. Owns what an ID means (template, parent, key, stamp), the index of each map's and
 * list's entries, the free blocks, and the path strings and messages that name IDs.
 *
 * <p>A dynamic ID is <em>live</em> from {@link #claim} until {@link #setDetached} marks its block
 * (the entry left with a batch); its path string serves views until {@link #free} gives the block
 * back for reuse. Every block gets a new stamp when claimed, so a handle that keeps an ID and its
 * stamp never reaches another entry that reuses the ID.
 */
final class PathSpace implements ComponentGraph.Tree {
  private static final int[] NO_INTS = new int[0];
  private static final boolean[] NO_BOOLEANS = new boolean[0];
  private static final String[] NO_STRINGS = new String[0];

  /** The schema's tables. */
  final SchemaTables st;
  /** Number of static path IDs: dynamic IDs start here. */
  final int staticCount;
  /** The values, read to tell present entries from removed ones; set once by {@link #attach}. */
  private Shadow shadow;
  /** The entries, named in messages about maps and lists; set once by {@link #attach}, null without them. */
  private Entries entries;
  /** One past the highest ID in use (live, detached or free). */
  int idCount;
  /**
   * {@link #idCount} after the last operation that completed (batch, registration, creation): an
   * abandoned batch gives back only the blocks above it, which it reserved itself.
   */
  private int settledIdCount;
  /**
   * The tables of the dynamic IDs; null when the schema has no map or list (such a store never has
   * an entry, and saves the tables' fields).
   */
  private final Dynamic dyn;

  /** The tables of the dynamic IDs (index {@code id - staticCount}), written by the path space only. */
  private static final class Dynamic {
    /** Template path of each dynamic ID; -1 when free. */
    int[] template = NO_INTS;
    /** Parent of each dynamic ID. */
    int[] parent = NO_INTS;
    /** Key of each map entry's first ID; a removed list entry's last index; else null. */
    String[] key = NO_STRINGS;
    /** Entries removed by a batch: not live, but their path strings serve views until reuse. */
    boolean[] detached = NO_BOOLEANS;
    /** The stamp of each dynamic ID: one number per entry block, new with every claim. */
    int[] stamp = NO_INTS;
    /** The last stamp given to an entry block (0 is never given: it marks static paths). */
    int lastStamp;
    /** Free blocks by template root; null until the first block is freed. */
    IntList[] freeBlocks;
    /** Number of IDs in free blocks. */
    int freeIdCount;
    /** Entries of each map and list path. */
    final HashMap<Integer, Container> containers = new HashMap<>();
  }

  /** The entries of one map or list path, in order: map keys to first IDs, or list first IDs. */
  static final class Container {
    final boolean isMap;
    final LinkedHashMap<String, Integer> keys;
    final IntList list;

    Container(boolean isMap) {
      this.isMap = isMap;
      this.keys = isMap ? new LinkedHashMap<>() : null;
      this.list = isMap ? null : new IntList();
    }
  }

  PathSpace(SchemaTables st) {
    this.st = st;
    this.staticCount = st.size;
    this.idCount = staticCount;
    this.settledIdCount = staticCount;
    this.dyn = st.hasContainers ? new Dynamic() : null;
  }

  /** Connects the values and the entries of the same store (they are made after the path space). */
  void attach(Shadow values, Entries storeEntries) {
    this.shadow = values;
    this.entries = storeEntries;
  }

  // ---- what an ID is ----

  /** The template path of {@code id}: itself for a static path. */
  int tmpl(int id) {
    return id < staticCount ? id : dyn.template[id - staticCount];
  }

  @Override
  public int parent(int id) {
    return id < staticCount ? st.parents[id] : dyn.parent[id - staticCount];
  }

  @Override
  public boolean isNode(int id) {
    return kind(id).isNode();
  }

  /** The kind of live path {@code id}. */
  PathKind kindOf(int id) {
    checkId(id);
    return kind(id);
  }

  PathKind kind(int id) {
    return st.kinds[tmpl(id)];
  }

  int depth(int id) {
    return st.depth[tmpl(id)];
  }

  /** Whether {@code id} is the first ID of a map or list entry (its template is an entry's root). */
  boolean isEntryRoot(int id) {
    if (id < staticCount) {
      return false;
    }
    int t = tmpl(id);
    return st.templateRoot[t] == t;
  }

  /** Whether {@code a} is {@code c} or an ancestor of {@code c}. */
  boolean isAncestorOrSelf(int a, int c) {
    if (a < staticCount && c < staticCount) {
      return a <= c && c < st.end[a];
    }
    int da = depth(a);
    while (depth(c) > da) {
      c = parent(c);
    }
    return c == a;
  }

  boolean isLive(int id) {
    return id >= 0 && (id < staticCount || liveEntryTemplate(id) >= 0);
  }

  /**
   * The template of {@code id} when a batch may write it: {@code id} itself for a static path
   * outside every entry template, the entry's template path for a live path inside an entry, else
   * -1 (a wildcard path, a path of a removed entry, or no path). The write checks' one test.
   */
  int writableTemplate(int id) {
    if (id < 0) {
      return -1;
    }
    if (id < staticCount) {
      return st.templateRoot[id] < 0 ? id : -1;
    }
    return liveEntryTemplate(id);
  }

  /**
   * The template of {@code id} when it is a live path inside an entry, else -1 (a static path, a
   * path of a removed entry, or no path).
   */
  int liveEntryTemplate(int id) {
    if (id < staticCount || id >= idCount) {
      return -1;
    }
    int d = id - staticCount;
    int t = dyn.template[d];
    return t >= 0 && !dyn.detached[d] ? t : -1;
  }

  /** Whether {@code id} is in an entry that has left, or leaves with this batch. */
  boolean isLeaving(int id) {
    return id >= staticCount && dyn.detached[id - staticCount];
  }

  /** Whether dynamic ID {@code id} is live and still has stamp {@code stamp}. */
  boolean holds(int id, int stamp) {
    return isLive(id) && dyn.stamp[id - staticCount] == stamp;
  }

  void checkId(int id) {
    if (!isLive(id)) {
      throw new UnknownPathException(
          "unknown path ID " + id + ": not a path of " + rootName()
              + " (static IDs are 0.." + (staticCount - 1) + ", or a removed entry)");
    }
  }

  void checkConcrete(int id) {
    checkId(id);
    if (st.templateRoot[tmpl(id)] >= 0 && id < staticCount) {
      throw new UnknownPathException(
          "\"" + st.pathString(id) + "\" is a wildcard (entry template) path; write a concrete entry"
              + " such as \"" + st.pathString(id).replace("*", "<key>") + "\"");
    }
  }

  /** The stamp of a live path ID: 0 for a static path, else its entry block's. */
  int stamp(int id) {
    checkId(id);
    return id < staticCount ? 0 : dyn.stamp[id - staticCount];
  }

  /** {@code id}, after checking that it still names the entry it named when {@code stamp} was read. */
  int checkedId(int id, int stamp) {
    if (stamp == 0) {
      checkId(id);
      if (id >= staticCount) {
        throw new UnknownPathException("path ID " + id + " with stamp 0 is not a static path");
      }
      return id;
    }
    if (id >= 0 && id < staticCount) {
      throw new UnknownPathException(
          "path ID " + id + " is a static path, but stamp " + stamp + " is an entry's; a static path has stamp 0");
    }
    if (!isLive(id) || dyn.stamp[id - staticCount] != stamp) {
      throw new UnknownPathException(staleEntry(id) + " names an entry that was removed; a view or"
          + " handle on an entry is valid while the entry exists");
    }
    return id;
  }

  /** The generic type of a path, as the schema names it ({@code java.util.List<java.lang.String>}). */
  String typeName(int id) {
    return st.typeNames[tmpl(id)];
  }

  /**
   * Whether paths {@code a} and {@code b} hold values of one type: the same kind and the same
   * generic type, so that {@code List<Item>} and {@code List<String>} differ. With {@code boxing},
   * a primitive and its box count as one type (aggregation sources and their nullable target).
   */
  boolean sameType(int a, int b, boolean boxing) {
    int ta = tmpl(a);
    int tb = tmpl(b);
    if (st.kinds[ta] != st.kinds[tb]) {
      return false;
    }
    return boxing && st.kinds[ta].isPrimitive() || st.typeNames[ta].equals(st.typeNames[tb]);
  }

  // ---- path strings ----

  /** The simple name of the schema's root type, for messages. */
  String rootName() {
    return st.types[0].getSimpleName();
  }

  String pathString(int id) {
    if (id == 0) {
      return "";
    }
    if (id < staticCount) {
      return st.pathString(id);
    }
    StringBuilder sb = new StringBuilder();
    appendPath(sb, id);
    return sb.toString();
  }

  private void appendPath(StringBuilder sb, int id) {
    int p = parent(id);
    if (p > 0) {
      appendPath(sb, p);
      sb.append('.');
    }
    sb.append(segment(id));
  }

  private String segment(int id) {
    if (id < staticCount) {
      return st.names[id];
    }
    int t = dyn.template[id - staticCount];
    if (st.templateRoot[t] != t) {
      return st.names[t];
    }
    String key = dyn.key[id - staticCount];
    if (key != null) {
      return key;
    }
    Container c = dyn.containers.get(parent(id));
    return c == null ? "?" : Integer.toString(c.list.indexOf(id));
  }

  /** The key of map entry {@code id} (its first ID). */
  String key(int id) {
    return dyn.key[id - staticCount];
  }

  /** {@link Store#pathOf}: the path of a live ID, or what is still known of a removed entry's. */
  String pathOf(int id) {
    if (id < 0 || id >= idCount) {
      checkId(id); // throws, naming the range
    }
    if (id < staticCount || dyn.template[id - staticCount] >= 0) {
      return pathString(id);
    }
    return "<removed entry, path ID " + id + ">";
  }

  /** How to name a dynamic ID whose entry has gone: its old path while that is known. */
  String staleEntry(int id) {
    if (id >= staticCount && id < idCount && isLive(id)) {
      return "path ID " + id + " (now \"" + pathString(id) + "\", another entry)";
    }
    if (id >= staticCount && id < idCount && dyn.template[id - staticCount] >= 0) {
      return "\"" + pathString(id) + "\"";
    }
    return "path ID " + id;
  }

  // ---- resolving ----

  int resolve(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      return 0;
    }
    int cur = 0;
    int start = 0;
    while (true) {
      int dot = path.indexOf('.', start);
      String seg = dot < 0 ? path.substring(start) : path.substring(start, dot);
      if (seg.isEmpty()) {
        throw new UnknownPathException(
            "malformed path \"" + shorten(path) + "\": empty segment at offset " + start);
      }
      int next = child(cur, seg);
      if (next < 0) {
        throw new UnknownPathException(unknownSegment(path, cur, seg));
      }
      cur = next;
      if (dot < 0) {
        return cur;
      }
      start = dot + 1;
    }
  }

  private static String shorten(String path) {
    return path.length() > 200 ? path.substring(0, 200) + "...(" + path.length() + " chars)" : path;
  }

  private String unknownSegment(String path, int cur, String seg) {
    String at = cur == 0 ? "the root" : "\"" + pathString(cur) + "\"";
    PathKind k = kind(cur);
    String known;
    if (k == PathKind.RECORD) {
      StringBuilder sb = new StringBuilder();
      for (int c : st.children[tmpl(cur)]) {
        sb.append(sb.length() == 0 ? "" : ", ").append(st.names[c]);
      }
      known = "its components are: " + sb;
    } else if (k == PathKind.MAP) {
      known = "the map has keys " + entries.keys(cur);
    } else if (k == PathKind.LIST) {
      known = "the list has " + entries.containerSize(cur) + " entries";
    } else {
      known = "it is a leaf of kind " + k;
    }
    if ("*".equals(seg)) {
      return "unknown path \"" + shorten(path) + "\": a wildcard \"*\" cannot be written or read;"
          + " name a concrete entry";
    }
    return "unknown path \"" + shorten(path) + "\": no segment \"" + seg + "\" under " + at + "; " + known;
  }

  /** The child of node {@code cur} named {@code seg}, or -1. */
  private int child(int cur, String seg) {
    PathKind k = kind(cur);
    if (k == PathKind.RECORD) {
      int t = tmpl(cur);
      for (int c : st.children[t]) {
        if (st.names[c].equals(seg)) {
          return cur + (c - t);
        }
      }
      return -1;
    }
    if (k.isContainer()) {
      Container c = dyn.containers.get(cur);
      if (c == null) {
        return -1;
      }
      if (c.isMap) {
        Integer e = c.keys.get(seg);
        return e == null || shadow.tag[e] == ABSENT ? -1 : e;
      }
      int idx;
      try {
        idx = Integer.parseInt(seg);
      } catch (NumberFormatException e) {
        return -1;
      }
      return idx >= 0 && idx < c.list.size() ? c.list.get(idx) : -1;
    }
    return -1;
  }

  /**
   * The ID of template path {@code t} inside {@code node}, a live path of an entry (the entry
   * itself or a record in it): {@code t} must lie below {@code node}'s template in the same entry,
   * with no map or list between them.
   */
  int inEntry(int node, int t) {
    checkId(node);
    int tn = tmpl(node);
    if (node < staticCount) {
      throw new UnknownPathException(
          "\"" + pathString(node) + "\" is not in a map or list entry; pathIn takes an entry's path ID,"
              + " such as the ID of \"" + st.pathString(t).replace("*", "<key>") + "\"'s entry");
    }
    if (t < tn || t >= st.end[tn] || st.templateRoot[t] != st.templateRoot[tn]) {
      throw new UnknownPathException(
          "template \"" + st.pathString(t) + "\" is not a path inside \"" + pathString(node)
              + "\" (template \"" + st.pathString(tn) + "\"); give a template that starts with \""
              + st.pathString(tn) + "\" and has no further '*'");
    }
    return node + (t - tn);
  }

  /** The path under {@code m} at the position {@code c} has under {@code p}, or -1. */
  int mapRelative(int c, int p, int m) {
    if (c == p) {
      return m;
    }
    if (c < staticCount && p < staticCount && m < staticCount) {
      return m + (c - p);
    }
    int pc = parent(c);
    int mm = mapRelative(pc, p, m);
    if (mm < 0) {
      return -1;
    }
    if (kind(pc) == PathKind.RECORD) {
      return mm + (tmpl(c) - tmpl(pc));
    }
    Container ct = dyn.containers.get(mm);
    if (ct == null) {
      return -1;
    }
    if (ct.isMap) {
      Integer e = ct.keys.get(dyn.key[c - staticCount]);
      return e == null ? -1 : e;
    }
    int idx = dyn.containers.get(pc).list.indexOf(c);
    return idx >= 0 && idx < ct.list.size() ? ct.list.get(idx) : -1;
  }

  // ---- typed handles ----

  <T> Path<T> typedPath(int id, Class<T> type, Engine owner) {
    checkId(id);
    Class<?> actual = boxed(st.types[tmpl(id)]);
    if (!type.isAssignableFrom(actual)) {
      throw new ValueTypeException(
          "path \"" + pathString(id) + "\" holds " + actual.getName() + ", not " + type.getName());
    }
    return id < staticCount
        ? Path.of(id, pathString(id), type)
        : Path.dynamic(id, pathString(id), type, owner, dyn.stamp[id - staticCount]);
  }

  /** Whether handle {@code p} names a live path of {@code owner}'s store (see Store#isLive). */
  boolean holds(Path<?> p, Engine owner) {
    Objects.requireNonNull(p, "path");
    if (p.owner() == null) {
      return p.id() >= 0 && p.id() < staticCount && st.templateRoot[p.id()] < 0; // not a template
    }
    return p.owner() == owner && isLive(p.id()) && dyn.stamp[p.id() - staticCount] == p.stamp();
  }

  int checkOwner(Path<?> p, Engine owner) {
    Objects.requireNonNull(p, "path");
    if (p.owner() == null) {
      checkId(p.id());
      return p.id();
    }
    if (p.owner() != owner) {
      throw new IllegalArgumentException(
          "path handle \"" + p + "\" belongs to another store (entry paths are per store)");
    }
    if (!isLive(p.id()) || dyn.stamp[p.id() - staticCount] != p.stamp()) {
      throw new UnknownPathException(
          "path handle \"" + p + "\" names an entry that was removed; a handle on an entry is valid"
              + " while the entry exists (its path IDs may now belong to another entry)");
    }
    return p.id();
  }

  // ---- the index of map and list entries ----

  /** The entries of map or list {@code id}, or null while it never had one. */
  Container container(int id) {
    return dyn == null ? null : dyn.containers.get(id);
  }

  /** The map or list at {@code id}, after checking that it is one of the kind asked for. */
  Container container(int id, boolean map) {
    checkId(id);
    PathKind k = kind(id);
    if (k != (map ? PathKind.MAP : PathKind.LIST)) {
      throw new IllegalArgumentException(
          "\"" + pathString(id) + "\" is a " + k + ", not a " + (map ? "MAP" : "LIST"));
    }
    return dyn.containers.get(id);
  }

  Container containerFor(int id) {
    Container c = dyn.containers.get(id);
    if (c == null) {
      c = new Container(kind(id) == PathKind.MAP);
      dyn.containers.put(id, c);
    }
    return c;
  }

  /** Drops the index of container {@code id} (its entry goes as a whole); returns it, or null. */
  Container dropContainer(int id) {
    return dyn.containers.remove(id);
  }

  /** Takes map entry {@code base} out of its map, if its key still names it. */
  void unindexMapEntry(Container c, int base) {
    c.keys.remove(dyn.key[base - staticCount], base);
  }

  /** Takes {@code key} from the entry that holds it (removed by this batch), for a new entry. */
  void forgetKey(Container c, String key) {
    c.keys.remove(key);
  }

  /** Keeps the last index of a list entry that leaves, for views of the batch that removed it. */
  void nameRemovedListEntry(int e, int index) {
    dyn.key[e - staticCount] = Integer.toString(index);
  }

  /**
   * Drops the detached entries from list {@code c}, keeping the order of the others; each one
   * dropped keeps the index it had, for views.
   */
  void compactList(Container c) {
    IntList l = c.list;
    int w = 0;
    for (int j = 0; j < l.size(); j++) {
      int e = l.get(j);
      if (dyn.detached[e - staticCount]) {
        nameRemovedListEntry(e, j);
      } else {
        l.set(w++, e);
      }
    }
    l.truncate(w);
  }

  // ---- blocks of IDs ----

  /** Number of IDs in the block of template root {@code t}. */
  int blockSize(int t) {
    return st.end[t] - t;
  }

  /** A free block of template root {@code t}, taken off the free list, or -1. */
  int takeFreeBlock(int t) {
    IntList free = dyn.freeBlocks == null ? null : dyn.freeBlocks[t];
    if (free == null || free.isEmpty()) {
      return -1;
    }
    dyn.freeIdCount -= blockSize(t);
    return free.pop();
  }

  /** New IDs at the end of the space; the caller has grown every table to hold them. */
  int extend(int size) {
    int base = idCount;
    idCount += size;
    return base;
  }

  /** Grows the dynamic tables to hold {@code n} IDs. */
  void ensureCapacity(int n) {
    int dn = n - staticCount;
    Dynamic d = dyn;
    if (dn > d.template.length) {
      int cap = Math.max(dn, d.template.length + (d.template.length >> 1) + 16);
      int old = d.template.length;
      d.template = Arrays.copyOf(d.template, cap);
      Arrays.fill(d.template, old, cap, -1);
      d.parent = Arrays.copyOf(d.parent, cap);
      d.key = Arrays.copyOf(d.key, cap);
      d.detached = Arrays.copyOf(d.detached, cap);
      d.stamp = Arrays.copyOf(d.stamp, cap);
    }
  }

  /**
   * Makes block {@code base} an entry of template root {@code t} under container {@code cont}
   * (with {@code key} in a map; null in a list), with a new stamp, and indexes it at the end.
   */
  void claim(int base, int t, int cont, String key) {
    if (++dyn.lastStamp == 0) {
      dyn.lastStamp = 1; // wrapped after 2^32 entries: 0 stays the static paths' stamp
    }
    int size = blockSize(t);
    for (int k = 0; k < size; k++) {
      int d = base + k - staticCount;
      dyn.stamp[d] = dyn.lastStamp;
      dyn.template[d] = t + k;
      dyn.parent[d] = k == 0 ? cont : base + (st.parents[t + k] - t);
      dyn.key[d] = k == 0 ? key : null;
      dyn.detached[d] = false;
    }
    Container c = containerFor(cont);
    if (c.isMap) {
      c.keys.put(key, base);
    } else {
      c.list.add(base);
    }
  }

  /** Marks (or unmarks) entry block {@code base} as detached: not live, path still known. */
  void setDetached(int base, boolean on) {
    int t = dyn.template[base - staticCount];
    Arrays.fill(dyn.detached, base - staticCount, base - staticCount + blockSize(t), on);
  }

  /** Whether entry {@code e} (a first ID) is claimed and not detached. */
  boolean isIndexed(int e) {
    return e >= staticCount && dyn.template[e - staticCount] >= 0 && !dyn.detached[e - staticCount];
  }

  /** The number of IDs of entry block {@code base}. */
  int blockSizeAt(int base) {
    int t = dyn.template[base - staticCount];
    return blockSize(t);
  }

  /** Gives detached block {@code base} back for reuse; its path is forgotten. */
  void free(int base) {
    int t = dyn.template[base - staticCount];
    int size = blockSize(t);
    for (int k = 0; k < size; k++) {
      dyn.template[base + k - staticCount] = -1;
      dyn.key[base + k - staticCount] = null;
    }
    if (dyn.freeBlocks == null) {
      dyn.freeBlocks = new IntList[staticCount];
    }
    if (dyn.freeBlocks[t] == null) {
      dyn.freeBlocks[t] = new IntList();
    }
    dyn.freeBlocks[t].add(base);
    dyn.freeIdCount += size;
  }

  /** Shrinks the ID space by free blocks at its end (after an abandoned batch's reservations). */
  void trimFreeTail() {
    if (dyn == null || dyn.freeBlocks == null) {
      return;
    }
    boolean trimmed = true;
    while (trimmed) {
      trimmed = false;
      for (int t = 0; t < dyn.freeBlocks.length && !trimmed; t++) {
        IntList free = dyn.freeBlocks[t];
        if (free == null) {
          continue;
        }
        int size = blockSize(t);
        for (int i = 0; i < free.size(); i++) {
          if (free.get(i) + size == idCount && free.get(i) >= settledIdCount) {
            free.removeAt(i);
            idCount -= size;
            dyn.freeIdCount -= size;
            trimmed = true;
            break;
          }
        }
      }
    }
  }

  /** Records that the operation that reserved IDs has completed: its blocks stay on failure later. */
  void settle() {
    settledIdCount = idCount;
  }

  /** Number of IDs in free blocks. */
  int freeIdCount() {
    return dyn == null ? 0 : dyn.freeIdCount;
  }

  /** The stamp of path {@code id} inside an entry (its entry block's), live or not. */
  int stampOf(int id) {
    return dyn.stamp[id - staticCount];
  }
}
