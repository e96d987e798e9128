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
  @Inject io.quarkus.vertx.http.runtime.CurrentVertxRequest http;

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

  /**
   * A REST domain action ({@code POST /api/v1/<collection>/{id}/<action>}) on the record it names
   * honours {@code If-Match} as PATCH does: stale is 412. Without one the action is still safe (the
   * record is locked and its version bumped), so none is required. Records an action changes
   * besides the one it names are not compared.
   */
  public void checkAction(java.util.UUID id, long currentVersion) {
    if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
      return; // jobs and other work no request asked for
    }
    io.vertx.ext.web.RoutingContext request = http.getCurrent();
    if (request == null || request.request().method() != io.vertx.core.http.HttpMethod.POST) {
      return;
    }
    String ifMatch = request.request().getHeader("If-Match");
    String path = request.request().path();
    if (ifMatch == null
        || path == null
        || !path.startsWith("/api/")
        || !path.contains("/" + id + "/")) {
      return;
    }
    check(ETags.expectedVersion(ifMatch), currentVersion);
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
