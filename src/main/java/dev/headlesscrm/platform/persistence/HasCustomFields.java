package dev.headlesscrm.platform.persistence;

import java.util.Map;

/** An entity whose jsonb column holds custom field values (the resource declares the column). */
public interface HasCustomFields {

  /** The live, mutable map of values the entity persists. */
  Map<String, Object> customFieldValues();
}
