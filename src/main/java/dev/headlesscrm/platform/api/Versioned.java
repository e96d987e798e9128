package dev.headlesscrm.platform.api;

import java.util.UUID;

/** A view of a record that has an id and a version, which is all ETags and Location need. */
public interface Versioned {
  UUID id();

  long version();
}
