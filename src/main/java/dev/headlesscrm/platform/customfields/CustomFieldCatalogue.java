package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.CrmException.Violation;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.metadata.DictionaryOptions;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.RuntimeFields;
import dev.headlesscrm.platform.records.CustomValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom fields defined for each resource, as the list and write paths use them. Definitions
 * are read from the database and kept in this pod for at most one second, and dropped at once when
 * this pod commits a change to them, so a definition made on any replica is in force on every
 * replica within a second, without a restart.
 */
@ApplicationScoped
public class CustomFieldCatalogue implements RuntimeFields, CustomValues {

  private static final long TTL_NANOS = 1_000_000_000L;

  private record Loaded(long at, List<CustomField> fields) {}

  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  @Inject EntityManager em;
  @Inject ResourceRegistry registry;
  @Inject Instance<DictionaryOptions> dictionaries;
  @Inject TransactionSynchronizationRegistry transactions;

  /** Every definition of the resource, retired ones included, in form order. */
  public List<CustomField> all(String resource) {
    long now = System.nanoTime();
    Loaded loaded = cache.get(resource);
    if (loaded == null || now - loaded.at() > TTL_NANOS) {
      loaded = new Loaded(now, load(resource));
      cache.put(resource, loaded);
    }
    return loaded.fields();
  }

  public List<CustomField> active(String resource) {
    return all(resource).stream().filter(f -> !f.retired()).toList();
  }

  /** The resources that hold custom fields, by name. */
  public List<String> extensible() {
    return registry.all().stream()
        .filter(s -> s.customFieldsColumn() != null)
        .map(ResourceSpec::name)
        .sorted()
        .toList();
  }

  private List<CustomField> load(String resource) {
    return em
        .createQuery(
            "from CustomFieldDefinition d where d.resource = :r order by d.sortOrder, d.key",
            CustomFieldDefinition.class)
        .setParameter("r", resource)
        .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
        .getResultList()
        .stream()
        .map(CustomFieldDefinition::rules)
        .toList();
  }

  /** Forgets the cached definitions now and again when the current transaction ends. */
  void changed() {
    cache.clear();
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              cache.clear();
            }
          });
    }
  }

  // --- Lists -----------------------------------------------------------------------------

  @Override
  public ResourceSpec extend(ResourceSpec spec) {
    if (spec.customFieldsColumn() == null) {
      return spec;
    }
    List<Field> fields = new ArrayList<>();
    for (CustomField f : active(spec.name())) {
      if (spec.field(f.path()) == null) {
        fields.add(
            new Field(
                f.path(),
                f.type().expression("{t}.", spec.customFieldsColumn(), f.key()),
                f.type().listType(),
                true,
                f.type().sortable(),
                true,
                null));
      }
    }
    return fields.isEmpty() ? spec : spec.withFields(fields);
  }

  // --- Writes ----------------------------------------------------------------------------

  @Override
  public void check(
      String resource,
      UUID id,
      Map<String, Object> before,
      Map<String, Object> after,
      boolean creating) {
    Map<String, CustomField> byKey = new LinkedHashMap<>();
    all(resource).forEach(f -> byKey.put(f.key(), f));
    List<Violation> violations = new ArrayList<>();
    List<CustomField> uniqueChanged = new ArrayList<>();
    CustomField.Lookups lookups = new DatabaseLookups();
    for (String key : new ArrayList<>(after.keySet())) {
      String value = text(after.get(key));
      if (!creating && Objects.equals(value, text(before.get(key)))) {
        continue;
      }
      CustomField field = byKey.get(key);
      if (field == null) {
        violations.add(
            new Violation(
                "custom." + key,
                "unknown-field",
                Text.of(
                    "No custom field '"
                        + key
                        + "' is defined for "
                        + resource
                        + "; administrators define them at /api/v1/custom-fields.",
                    "资源 "
                        + resource
                        + " 没有定义自定义字段 '"
                        + key
                        + "'（管理员可在 /api/v1/custom-fields 定义）。")));
        continue;
      }
      if (field.retired() && value != null && !value.isBlank()) {
        violations.add(
            new Violation(
                field.path(),
                "retired",
                Text.of(
                    "The custom field '"
                        + key
                        + "' is retired: its values are kept but not changed.",
                    "自定义字段 '" + key + "' 已停用：原值保留，但不能再修改。")));
        continue;
      }
      Optional<String> canonical = field.canonical(value, lookups, violations);
      if (canonical.isPresent()) {
        after.put(key, canonical.get());
        if (field.unique()) {
          uniqueChanged.add(field);
        }
      } else {
        after.remove(key);
      }
    }
    for (CustomField field : byKey.values()) {
      boolean missing = blank(after.get(field.key()));
      if (!field.retired()
          && field.required()
          && missing
          && (creating || !blank(before.get(field.key())))) {
        violations.add(new Violation(field.path(), "required", Text.of("Required.", "必填。")));
      }
    }
    if (!violations.isEmpty()) {
      throw CrmException.validation(violations);
    }
    for (CustomField field : uniqueChanged) {
      requireUnique(registry.get(resource), field, id, (String) after.get(field.key()));
    }
  }

  private void requireUnique(ResourceSpec spec, CustomField field, UUID id, String value) {
    String sql =
        "SELECT count(*) FROM "
            + spec.table()
            + " t WHERE "
            + CustomFieldType.TEXT.expression("t.", spec.customFieldsColumn(), field.key())
            + " = ?1"
            + (spec.softDelete() ? " AND t.deleted_at IS NULL" : "")
            + (id == null ? "" : " AND t.id <> ?2");
    var query = em.createNativeQuery(sql).setParameter(1, value);
    if (id != null) {
      query.setParameter(2, id);
    }
    if (((Number) query.getSingleResult()).longValue() > 0) {
      throw duplicate(field, value);
    }
  }

  static CrmException duplicate(CustomField field, String value) {
    return new CrmException(
        dev.headlesscrm.platform.api.ProblemType.CONFLICT,
        Text.of(
            "Another record already has " + field.path() + " = " + value + " (it is unique).",
            "已有其他记录的 " + field.path() + " 为 " + value + "（该字段要求唯一）。"),
        List.of(new Violation(field.path(), "unique", Text.of("Taken.", "已被占用。"))));
  }

  @Override
  public List<Map.Entry<String, String>> columns(String resource, boolean chinese) {
    return active(resource).stream()
        .map(
            f ->
                Map.entry(
                    f.key(),
                    chinese || f.labelEn() == null || f.labelEn().isBlank()
                        ? f.labelZh()
                        : f.labelEn()))
        .toList();
  }

  private static String text(Object v) {
    return v == null ? null : String.valueOf(v);
  }

  private static boolean blank(Object v) {
    return v == null || String.valueOf(v).isBlank();
  }

  /** Dictionary codes and referenced records, read from this service's own stores. */
  private final class DatabaseLookups implements CustomField.Lookups {
    @Override
    public boolean activeOption(String kind, String code) {
      return dictionaries.isResolvable()
          && dictionaries.get().options(kind).stream()
              .anyMatch(o -> o.active() && o.value().equals(code));
    }

    @Override
    public boolean exists(String resource, UUID id) {
      if (!registry.has(resource)) {
        return false;
      }
      ResourceSpec target = registry.get(resource);
      Object n =
          em.createNativeQuery(
                  "SELECT count(*) FROM "
                      + target.table()
                      + " WHERE id = ?1"
                      + (target.softDelete() ? " AND deleted_at IS NULL" : ""))
              .setParameter(1, id)
              .getSingleResult();
      return ((Number) n).longValue() > 0;
    }
  }

  // --- Indexes ---------------------------------------------------------------------------

  /**
   * Creates the index that serves filters and sorts by the field, and the unique index when the
   * field is unique (after checking live records for duplicates: 409 naming one), or drops it when
   * a field stops being unique. Decided from PostgreSQL's catalogue of indexes, not from what the
   * caller remembers, so a retried or repeated save does the right thing.
   */
  void install(CustomFieldDefinition d) {
    ResourceSpec spec = registry.get(d.resource);
    String column = spec.customFieldsColumn();
    String live = spec.softDelete() ? " WHERE deleted_at IS NULL" : "";
    String expression = "(" + d.type.expression("", column, d.key) + ")";
    String index = indexName("cf_", d);
    if (d.type == CustomFieldType.MULTI_SELECT) {
      ddl(
          "CREATE INDEX IF NOT EXISTS "
              + index
              + " ON "
              + spec.table()
              + " USING gin ("
              + expression
              + ")"
              + live);
    } else {
      ddl(
          "CREATE INDEX IF NOT EXISTS "
              + index
              + " ON "
              + spec.table()
              + " ("
              + expression
              + ", id)"
              + live);
    }
    String unique = indexName("cfu_", d);
    boolean wasUnique =
        !em.createNativeQuery("SELECT 1 FROM pg_indexes WHERE indexname = ?1")
            .setParameter(1, unique)
            .getResultList()
            .isEmpty();
    if (d.unique && !wasUnique) {
      String text = "(" + CustomFieldType.TEXT.expression("", column, d.key) + ")";
      @SuppressWarnings("unchecked")
      List<Object> taken =
          em.createNativeQuery(
                  "SELECT "
                      + text
                      + " FROM "
                      + spec.table()
                      + (live.isEmpty() ? " WHERE true" : live)
                      + " AND "
                      + text
                      + " IS NOT NULL GROUP BY 1 HAVING count(*) > 1 LIMIT 1")
              .getResultList();
      if (!taken.isEmpty()) {
        throw duplicate(d.rules(), String.valueOf(taken.get(0)));
      }
      ddl(
          "CREATE UNIQUE INDEX IF NOT EXISTS "
              + unique
              + " ON "
              + spec.table()
              + " ("
              + text
              + ")"
              + live);
    } else if (!d.unique && wasUnique) {
      ddl("DROP INDEX IF EXISTS " + unique);
    }
  }

  private void ddl(String sql) {
    em.createNativeQuery(sql).executeUpdate();
  }

  /** A name within PostgreSQL's 63 characters, the same for the same resource and key. */
  static String indexName(String prefix, CustomFieldDefinition d) {
    return prefix + String.format("%08x", d.resource.hashCode()) + "_" + d.key;
  }
}
