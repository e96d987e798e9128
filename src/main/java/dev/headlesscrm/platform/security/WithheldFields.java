package dev.headlesscrm.platform.security;

import java.util.List;

/**
 * A view that withholds some of its own fields from every reader because of its record's state (a
 * customer in the public pool hides its phone numbers until claimed), beside the caller's field
 * permissions: REST leaves them out (the serializer, {@code fields} and {@code expand}), GraphQL
 * answers null. The stored history and events keep them whole.
 */
public interface WithheldFields {

  /** The names of the view's own components withheld now; empty for most records. */
  List<String> hiddenFields();
}
