package dev.headlesscrm.platform.query;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Loads views of one resource by id, in one query, for {@code expand}. Each context declares one
 * per resource it owns; the loader decides what the caller may see.
 */
public interface RecordLoader {
  String resource();

  Map<UUID, ?> load(Collection<UUID> ids);
}
