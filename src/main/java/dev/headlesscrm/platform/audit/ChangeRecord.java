package dev.headlesscrm.platform.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One change to one record, as a service reports it to {@link ChangeLog#record}.
 *
 * @param resource the singular JSON type name: {@code customer}, {@code contact}, {@code
 *     department}
 * @param resourceId the record's id
 * @param version the record's version after the change
 * @param action what happened: {@code created}, {@code updated}, {@code deleted}, {@code restored},
 *     {@code erased}, {@code merged}, {@code transferred}... The event type is {@code resource +
 *     "." + action}.
 * @param changes the changed fields (usually from {@link ChangeLog#diff}); may be empty
 * @param data the record as clients read it after the change (its view); null when erased
 */
public record ChangeRecord(
    String resource,
    UUID resourceId,
    long version,
    String action,
    Map<String, FieldChange> changes,
    Object data) {

  /** Names that event type patterns ({@code customer.*}) can match. */
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9-]{0,63}");

  public ChangeRecord {
    Objects.requireNonNull(resourceId, "resourceId");
    if (resource == null || !NAME.matcher(resource).matches()) {
      throw new IllegalArgumentException("Not a resource name: " + resource);
    }
    if (action == null || !NAME.matcher(action).matches()) {
      throw new IllegalArgumentException("Not an action name: " + action);
    }
    changes =
        changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }
}
