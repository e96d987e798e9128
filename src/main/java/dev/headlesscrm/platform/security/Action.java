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
  TRANSFER;

  public boolean isWrite() {
    return this != READ && this != EXPORT;
  }
}
