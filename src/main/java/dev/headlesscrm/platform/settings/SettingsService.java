package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Preconditions;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * System parameters (系统参数): readable by every principal, changed by administrators, each change
 * validated against the setting's type and bounds and recorded in history and the change feed. Read
 * from the database on use, so a change takes effect on the next request on every replica.
 */
@ApplicationScoped
public class SettingsService {

  static final String RESOURCE = "setting";

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject AccessPolicy access;
  @Inject ChangeLog changeLog;
  @Inject Preconditions preconditions;
  @Inject CurrentPrincipal principal;
  @Inject dev.headlesscrm.platform.cache.CacheVersions versions;

  static final String CACHE_KIND = "settings";

  /** The values as the code that obeys them reads them, held in each pod (kind "settings"). */
  private dev.headlesscrm.platform.cache.PodCache<Boolean, Map<String, JsonNode>> values;

  @jakarta.annotation.PostConstruct
  void init() {
    values =
        new dev.headlesscrm.platform.cache.PodCache<>(
            versions, CACHE_KIND, java.time.Duration.ofMinutes(10), 1);
  }

  @Transactional
  public List<SettingView> list() {
    access.require(RESOURCE, Action.READ);
    Map<String, Object[]> rows = rows();
    return Arrays.stream(Setting.values()).map(s -> view(s, rows.get(s.key()))).toList();
  }

  @Transactional
  public SettingView get(String key) {
    access.require(RESOURCE, Action.READ);
    Setting setting = known(key);
    return view(setting, rows().get(key));
  }

  @Transactional
  public SettingView put(String key, JsonNode value, Long expectedVersion) {
    access.require(RESOURCE, Action.UPDATE);
    Setting setting = known(key);
    setting
        .problemWith(value)
        .ifPresent(
            problem -> {
              throw CrmException.invalidField("value", "invalid", problem);
            });
    SettingView before = view(setting, rows().get(key));
    preconditions.check(expectedVersion, before.version());
    long version = before.version() + 1;
    Instant now = Clock.now();
    UUID actor = principal.idOrNull();
    em.createNativeQuery(
            "INSERT INTO system_settings (key, value, version, updated_at, updated_by)"
                + " VALUES (?1, CAST(?2 AS jsonb), ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET"
                + " value = EXCLUDED.value, version = EXCLUDED.version,"
                + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")
        .setParameter(1, key)
        .setParameter(2, value.toString())
        .setParameter(3, version)
        .setParameter(4, now)
        .setParameter(5, actor)
        .executeUpdate();
    versions.changed(CACHE_KIND);
    SettingView after =
        new SettingView(
            key,
            value,
            setting.kind(),
            setting.defaultValue(),
            setting.description(),
            version,
            now,
            actor);
    if (!before.value().equals(value)) {
      changeLog.record(
          new ChangeRecord(
              RESOURCE,
              idOf(key),
              version,
              ChangeLog.UPDATED,
              Map.of("value", new FieldChange(before.value(), value)),
              after));
    }
    return after;
  }

  /**
   * The value of a setting now, for the code that obeys it: from this pod's copy, which a change on
   * any pod drops within the version poll (and on this pod as soon as it commits).
   */
  @Transactional
  public JsonNode value(Setting setting) {
    Map<String, JsonNode> all =
        values.get(
            Boolean.TRUE,
            ignored -> {
              Map<String, JsonNode> parsed = new HashMap<>();
              rows().forEach((key, row) -> parsed.put(key, parse(row[1])));
              return Map.copyOf(parsed);
            });
    JsonNode value = all.get(setting.key());
    return value == null ? setting.defaultValue() : value;
  }

  /** Settings have keys, history entries ids: each key has a fixed one. */
  public static UUID idOf(String key) {
    return UUID.nameUUIDFromBytes(("setting:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private Setting known(String key) {
    return Setting.byKey(key).orElseThrow(() -> CrmException.notFound(RESOURCE, key));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object[]> rows() {
    Map<String, Object[]> rows = new HashMap<>();
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT key, CAST(value AS text), version, updated_at, updated_by FROM system_settings")
            .getResultList();
    found.forEach(r -> rows.put((String) r[0], r));
    return rows;
  }

  private SettingView view(Setting setting, Object[] row) {
    if (row == null) {
      return new SettingView(
          setting.key(),
          setting.defaultValue(),
          setting.kind(),
          setting.defaultValue(),
          setting.description(),
          0,
          null,
          null);
    }
    return new SettingView(
        setting.key(),
        parse(row[1]),
        setting.kind(),
        setting.defaultValue(),
        setting.description(),
        ((Number) row[2]).longValue(),
        instant(row[3]),
        (UUID) row[4]);
  }

  private JsonNode parse(Object text) {
    try {
      return json.readTree((String) text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable setting value", e);
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return null;
  }
}
