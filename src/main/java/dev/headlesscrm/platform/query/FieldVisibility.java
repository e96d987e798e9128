package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;

/**
 * Which fields the current caller may not see (field permissions). Lists refuse to filter or sort
 * by them (400), so a hidden value cannot be probed through a query. Implemented by the security
 * layer; {@link #NONE} where nothing is hidden.
 */
public interface FieldVisibility {

  FieldVisibility NONE = (resource, field) -> false;

  boolean hidden(String resource, String field);

  /** A path such as {@code custom.budget} is hidden when it or its top-level field is. */
  default boolean hiddenPath(String resource, String path) {
    int dot = path.indexOf('.');
    return hidden(resource, path) || (dot > 0 && hidden(resource, path.substring(0, dot)));
  }

  /** The 400 problem for using a hidden field in a query parameter. */
  static CrmException refused(String parameter, String field) {
    return CrmException.malformed(
        Text.of(
            "You may not use the field '" + field + "' in " + parameter + ".",
            "您无权在 " + parameter + " 中使用字段 '" + field + "'。"));
  }
}
