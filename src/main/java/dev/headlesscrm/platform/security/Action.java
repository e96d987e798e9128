package dev.headlesscrm.platform.security;

/** What a principal may do to a resource: the catalogue function permissions are made of. */
public enum Action {
  READ,
  CREATE,
  UPDATE,
  DELETE,
  RESTORE,
  ERASE,
  EXPORT,
  IMPORT,
  MERGE,
  TRANSFER,
  /** Turn a lead into a customer, contact and opportunity. */
  CONVERT,
  /** See the fields a resource declares sensitive (contacts' home phone and birthday). */
  VIEW_SENSITIVE;

  public boolean isWrite() {
    return this != READ && this != EXPORT && this != VIEW_SENSITIVE;
  }
}
