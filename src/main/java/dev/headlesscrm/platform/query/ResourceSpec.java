package dev.headlesscrm.platform.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the list machinery needs to know about a resource, declared once: its table, its filterable
 * and sortable fields with their types, its to-one relations, whether it is soft-deleted, where its
 * custom fields live and how free text is searched. Everything else (filter compiling, keyset
 * paging, counting, projection) is derived from it.
 */
public final class ResourceSpec {

  private final String name;
  private final String table;
  private final Map<String, Field> fields;
  private final Map<String, Relation> relations;
  private final boolean softDelete;
  private final String customFieldsColumn;
  private final Function<String, SqlFragment> search;
  private final Class<?> view;
  private final java.util.Set<String> sensitive;
  private final Map<String, String> derived;
  private final Map<String, String> dictionaries;
  private final Map<String, String> labels;
  private final Map<String, java.util.Set<String>> grants;

  private ResourceSpec(ResourceSpec base, Map<String, Field> fields) {
    this.grants = base.grants;
    this.view = base.view;
    this.sensitive = base.sensitive;
    this.derived = base.derived;
    this.dictionaries = base.dictionaries;
    this.labels = base.labels;
    this.name = base.name;
    this.table = base.table;
    this.fields = Collections.unmodifiableMap(fields);
    this.relations = base.relations;
    this.softDelete = base.softDelete;
    this.customFieldsColumn = base.customFieldsColumn;
    this.search = base.search;
  }

  /** This spec with more fields (custom fields defined at run time), declared ones first. */
  public ResourceSpec withFields(java.util.Collection<Field> extra) {
    Map<String, Field> all = new LinkedHashMap<>(fields);
    extra.forEach(f -> all.putIfAbsent(f.name(), f));
    return new ResourceSpec(this, all);
  }

  private ResourceSpec(Builder b) {
    Map<String, java.util.Set<String>> grants = new java.util.TreeMap<>();
    b.grants.forEach((role, actions) -> grants.put(role, java.util.Set.copyOf(actions)));
    this.grants = Collections.unmodifiableMap(grants);
    this.view = b.view;
    this.sensitive = java.util.Set.copyOf(b.sensitive);
    this.derived = Map.copyOf(b.derived);
    this.dictionaries = Map.copyOf(b.dictionaries);
    this.labels = Map.copyOf(b.labels);
    this.name = b.name;
    this.table = b.table;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.relations = Collections.unmodifiableMap(new LinkedHashMap<>(b.relations));
    this.softDelete = b.softDelete;
    this.customFieldsColumn = b.customFieldsColumn;
    this.search = b.search;
  }

  /** The view record clients read; its components are the fields field permissions name. */
  public Class<?> view() {
    return view;
  }

  /** The view's top-level field names (empty when no view is declared). */
  public List<String> viewFields() {
    if (view == null || !view.isRecord()) {
      return List.of();
    }
    return java.util.Arrays.stream(view.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .toList();
  }

  /** Fields only callers with the resource's view-sensitive permission see. */
  public java.util.Set<String> sensitive() {
    return sensitive;
  }

  /** Fields computed from another ({@code age} from {@code birthday}): hidden with their source. */
  /** Fields whose values are codes of a dictionary (field → dictionary kind). */
  public Map<String, String> dictionaries() {
    return dictionaries;
  }

  /** The zh-CN labels of fields (English labels are derived from the field names). */
  public Map<String, String> labels() {
    return labels;
  }

  public Map<String, String> derived() {
    return derived;
  }

  /**
   * The function permissions each role gets on this resource by default (action names by role,
   * {@code crm-admin} implied): granted once, when the resource first appears in a database;
   * administrators change them afterwards through {@code /api/v1/roles}.
   */
  public Map<String, java.util.Set<String>> defaultGrants() {
    return grants;
  }

  public static Builder builder(String name, String table) {
    return new Builder(name, table);
  }

  public String name() {
    return name;
  }

  public String table() {
    return table;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  public Field field(String name) {
    return fields.get(name);
  }

  public Map<String, Relation> relations() {
    return relations;
  }

  public boolean softDelete() {
    return softDelete;
  }

  public String customFieldsColumn() {
    return customFieldsColumn;
  }

  /** The condition for free-text {@code q} on alias {@code t}, or null if not searchable. */
  public Function<String, SqlFragment> search() {
    return search;
  }

  public List<String> sortableFields() {
    return fields.values().stream().filter(Field::sortable).map(Field::name).toList();
  }

  /** Declares a resource, field by field. */
  public static final class Builder {
    private final String name;
    private final String table;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, Relation> relations = new LinkedHashMap<>();
    private boolean softDelete;
    private String customFieldsColumn;
    private Function<String, SqlFragment> search;
    private Class<?> view;
    private final java.util.Set<String> sensitive = new java.util.LinkedHashSet<>();
    private final Map<String, String> derived = new LinkedHashMap<>();
    private final Map<String, String> dictionaries = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, java.util.Set<String>> grants = new LinkedHashMap<>();

    private Builder(String name, String table) {
      this.name = name;
      this.table = table;
      field("id", "id", FieldType.UUID_, true, false);
    }

    /** A filterable field; {@code sortable} adds it to the fields {@code sort} accepts. */
    public Builder field(
        String name, String column, FieldType type, boolean sortable, boolean nullable) {
      fields.put(name, new Field(name, column, type, true, sortable, nullable, null));
      return this;
    }

    public Builder enumField(
        String name, String column, Class<? extends Enum<?>> type, boolean sortable) {
      fields.put(name, new Field(name, column, FieldType.ENUM, true, sortable, true, type));
      return this;
    }

    /** The version and audit columns every record has. */
    public Builder auditFields() {
      field("version", "version", FieldType.INTEGER, false, false);
      field("createdAt", "created_at", FieldType.INSTANT, true, false);
      field("createdBy", "created_by", FieldType.UUID_, false, true);
      field("updatedAt", "updated_at", FieldType.INSTANT, true, false);
      field("updatedBy", "updated_by", FieldType.UUID_, false, true);
      return this;
    }

    /** The owner columns of owned records: filterable ids and expandable relations. */
    public Builder ownerFields() {
      field("ownerId", "owner_id", FieldType.UUID_, false, true);
      field("ownerDepartmentId", "owner_department_id", FieldType.UUID_, false, true);
      relation("owner", "owner_id", "employee");
      relation("ownerDepartment", "owner_department_id", "department");
      return this;
    }

    public Builder relation(String name, String column, String target) {
      relations.put(name, new Relation(name, column, target));
      return this;
    }

    /**
     * A relation held by a declared field, with what deleting its target does to this record and
     * whether a merge of its target moves this record to the survivor.
     */
    public Builder relation(
        String name,
        String column,
        String target,
        Relation.OnDelete onDelete,
        boolean movesOnMerge) {
      String field =
          fields.values().stream()
              .filter(f -> f.column().equals(column))
              .map(Field::name)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          name + ": declare the field of column " + column + " first"));
      relations.put(name, new Relation(name, column, target, field, onDelete, movesOnMerge));
      return this;
    }

    public Builder softDelete() {
      this.softDelete = true;
      return this;
    }

    public Builder customFields(String column) {
      this.customFieldsColumn = column;
      return this;
    }

    public Builder search(Function<String, SqlFragment> search) {
      this.search = search;
      return this;
    }

    public Builder view(Class<?> view) {
      this.view = view;
      return this;
    }

    public Builder sensitive(String... names) {
      sensitive.addAll(List.of(names));
      return this;
    }

    /**
     * The field stores codes of dictionary {@code kind}: validated on write, offered in metadata.
     */
    public Builder dictionary(String field, String kind) {
      dictionaries.put(field, kind);
      return this;
    }

    /** zh-CN labels, field after field: {@code labels("name", "客户名称", "level", "客户级别")}. */
    public Builder labels(String... fieldThenLabel) {
      for (int i = 0; i + 1 < fieldThenLabel.length; i += 2) {
        labels.put(fieldThenLabel[i], fieldThenLabel[i + 1]);
      }
      return this;
    }

    public Builder derived(String field, String source) {
      derived.put(field, source);
      return this;
    }

    /**
     * Grants these actions ({@code READ}, {@code CREATE}…) to these realm roles by default: {@code
     * grant(List.of("sales-rep", "sales-manager"), "READ", "EXPORT")}.
     */
    public Builder grant(List<String> roles, String... actions) {
      for (String role : roles) {
        grants.computeIfAbsent(role, r -> new java.util.LinkedHashSet<>()).addAll(List.of(actions));
      }
      return this;
    }

    public ResourceSpec build() {
      return new ResourceSpec(this);
    }
  }
}
