package dev.headlesscrm.platform.imports;

/** What a row that matches a stored record does. */
public enum OnDuplicate {
  /** Leaves the stored record alone and counts the row as skipped. */
  SKIP,
  /** Merge-patches the stored record with the row's mapped columns. */
  UPDATE,
  /** Creates a new record anyway. */
  CREATE
}
