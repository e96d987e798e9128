package dev.headlesscrm.platform.security;

import java.util.UUID;

/** A record with an owner: data scope decides who sees it. */
public interface Owned {
  UUID ownerId();

  UUID ownerDepartmentId();
}
