package dev.headlesscrm.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Optimistic concurrency for writes: a stale expected version is 412, a missing one is 428 when
 * {@code crm.api.require-if-match=true}. The version column makes lost updates impossible either
 * way; this only lets clients fail early and clearly.
 */
@ApplicationScoped
public class Preconditions {

  @ConfigProperty(name = "crm.api.require-if-match", defaultValue = "false")
  boolean requireIfMatch;

  @Inject Instance<dev.headlesscrm.platform.settings.SettingsService> settings;

  /**
   * The configuration forces it; otherwise the system parameter decides (next request, every pod).
   */
  private boolean ifMatchRequired() {
    return requireIfMatch
        || settings
            .get()
            .value(dev.headlesscrm.platform.settings.Setting.REQUIRE_IF_MATCH)
            .asBoolean(false);
  }

  public void check(Long expectedVersion, long currentVersion) {
    if (expectedVersion == null) {
      if (ifMatchRequired()) {
        throw new CrmException(
            ProblemType.PRECONDITION_REQUIRED,
            Text.of(
                "Send If-Match with the record's ETag (or expectedVersion in GraphQL).",
                "请携带记录的 ETag 作为 If-Match（GraphQL 中为 expectedVersion）。"));
      }
      return;
    }
    if (expectedVersion != ETags.ANY && expectedVersion != currentVersion) {
      throw new CrmException(
          ProblemType.PRECONDITION_FAILED,
          Text.of(
              "The record has changed since you read it (current version " + currentVersion + ").",
              "记录在您读取后已被修改（当前版本 " + currentVersion + "）。"));
    }
  }
}
