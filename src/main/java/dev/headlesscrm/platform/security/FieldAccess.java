package dev.headlesscrm.platform.security;

/** What a role may do with one field of a resource; the most lenient of a caller's roles wins. */
public enum FieldAccess {
  /** Absent from everything the caller reads; refused in filters, sorts and writes. */
  HIDDEN,
  /** Readable; a write naming it is refused with 403. */
  READ_ONLY,
  /** The default. */
  WRITE;

  public boolean readable() {
    return this != HIDDEN;
  }
}
