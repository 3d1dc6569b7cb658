package dev.statewire.javafx;

/** The kinds of view an {@link FxStore} makes for one path; a path has at most one of each. */
enum Kind {
  OBJECT,
  STRING,
  BOOLEAN,
  INT,
  LONG,
  DOUBLE,
  MAP,
  LIST;

  /** All kinds, in ordinal order (one array for every slot's lookups). */
  static final Kind[] ALL = values();
}
