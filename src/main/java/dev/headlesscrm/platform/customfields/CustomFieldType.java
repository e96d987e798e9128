package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.query.FieldType;

/**
 * The kinds of custom field an administrator may define, each with how its stored text is read in
 * SQL (for filters, sorts and the index its definition creates) and how metadata names it.
 */
public enum CustomFieldType {
  TEXT("string", FieldType.STRING, true),
  LONG_TEXT("text", FieldType.STRING, false),
  NUMBER("decimal", FieldType.DECIMAL, true),
  MONEY("decimal", FieldType.DECIMAL, true),
  DATE("date", FieldType.DATE, true),
  DATETIME("datetime", FieldType.INSTANT, true),
  BOOLEAN("boolean", FieldType.BOOLEAN, true),
  SELECT("enum", FieldType.STRING, true),
  /** Several codes of one dictionary, stored joined by {@code ;}; filters match any of them. */
  MULTI_SELECT("array", FieldType.TAGS, false),
  /** The id of a live record of another resource. */
  REFERENCE("uuid", FieldType.STRING, true);

  private final String metadataType;
  private final FieldType listType;
  private final boolean sortable;

  CustomFieldType(String metadataType, FieldType listType, boolean sortable) {
    this.metadataType = metadataType;
    this.listType = listType;
    this.sortable = sortable;
  }

  public String metadataType() {
    return metadataType;
  }

  public FieldType listType() {
    return listType;
  }

  public boolean sortable() {
    return sortable;
  }

  /** Whether {@code unique} may be asked for (not for flags, long text or value sets). */
  public boolean mayBeUnique() {
    return this != BOOLEAN && this != LONG_TEXT && this != MULTI_SELECT;
  }

  public boolean textual() {
    return this == TEXT || this == LONG_TEXT;
  }

  public boolean numeric() {
    return this == NUMBER || this == MONEY;
  }

  public boolean usesDictionary() {
    return this == SELECT || this == MULTI_SELECT;
  }

  /**
   * The SQL reading of key {@code key} in jsonb column {@code column} of the row {@code row} (an
   * alias with a dot, or empty for index definitions). The key is checked by the definition's
   * pattern before it ever reaches here.
   */
  public String expression(String row, String column, String key) {
    String text = "(" + row + column + " ->> '" + key + "')";
    return switch (this) {
      case TEXT, LONG_TEXT, SELECT, REFERENCE -> text;
      case NUMBER, MONEY -> "crm_cf_numeric" + text;
      case DATE -> "crm_cf_date" + text;
      case DATETIME -> "crm_cf_instant" + text;
      case BOOLEAN -> "crm_cf_boolean" + text;
      case MULTI_SELECT -> "string_to_array" + text.substring(0, text.length() - 1) + ", ';')";
    };
  }
}
