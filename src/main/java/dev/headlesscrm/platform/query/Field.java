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

  public String sql(String alias) {
    return alias + "." + column;
  }
}
