package dev.headlesscrm.platform.security;

import java.util.UUID;

/** A record with an owner: data scope decides who sees it. */
public interface Owned {
  /** The record's own id (team members are kept per record). */
  UUID recordId();

  UUID ownerId();

  UUID ownerDepartmentId();
}
