package dev.headlesscrm.platform.query;

/**
 * One field of a resource as lists see it: its API name, its column, its type, and whether clients
 * may filter and sort by it. Declared once per resource in its {@link ResourceSpec}.
 */
public record Field(
    String name,
    String column,
    FieldType type,
    boolean filterable,
    boolean sortable,
    boolean nullable,
    Class<? extends Enum<?>> enumType) {

  /** The SQL of the field on row {@code alias}: its column, or its expression over {t}. */
  public String sql(String alias) {
    return column.contains("{t}") ? column.replace("{t}", alias) : alias + "." + column;
  }
}
