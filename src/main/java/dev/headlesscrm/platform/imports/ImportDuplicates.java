package dev.headlesscrm.platform.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/**
 * A resource's own duplicate check, for imports keyed by {@link DuplicateKey#DUPLICATE_CHECK}: the
 * stored record (within the caller's data scope) a row would duplicate, if any. Implemented by the
 * context that owns the check (customers).
 */
public interface ImportDuplicates {

  /** The resource whose rows it checks. */
  String resource();

  /** The record the row's body duplicates, as sure as an exact name, phone or e-mail. */
  Optional<UUID> duplicateOf(ObjectNode body);
}
