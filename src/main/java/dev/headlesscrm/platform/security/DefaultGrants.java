package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Grants each declared resource's default function permissions ({@link
 * ResourceSpec#defaultGrants()}) the first time a service that declares it starts on a database,
 * and records that it did ({@code permission_defaults}), so that a new resource needs no grant in
 * its migration and an administrator's later change survives every restart. Several pods starting
 * at once apply a resource's defaults once: the marker row is claimed before the grants are
 * written, in the same transaction.
 */
@ApplicationScoped
public class DefaultGrants {

  private static final Logger LOG = Logger.getLogger(DefaultGrants.class);

  @Inject ResourceRegistry registry;
  @Inject EntityManager em;
  @Inject RoleGrants roleGrants;

  /** Retries while the database cannot be reached at start; shut down once the grants are in. */
  private java.util.concurrent.ScheduledExecutorService retries;

  /**
   * Applies the defaults at start. The service starts without its database too (it answers 503
   * until the database is back), so a failure here is retried every 5 seconds, not fatal.
   */
  void onStart(@Observes StartupEvent start) {
    if (!tryApply(true)) {
      retries =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "crm-default-grants");
                thread.setDaemon(true);
                return thread;
              });
      retries.scheduleWithFixedDelay(
          () -> {
            if (tryApply(false)) {
              retries.shutdown();
            }
          },
          5,
          5,
          java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  void onStop(@Observes io.quarkus.runtime.ShutdownEvent stop) {
    if (retries != null) {
      retries.shutdownNow();
    }
  }

  private boolean tryApply(boolean first) {
    try {
      List<String> applied = apply();
      if (!applied.isEmpty()) {
        LOG.infof("Default grants applied for %s", applied);
      }
      return true;
    } catch (RuntimeException e) {
      if (first) {
        LOG.warnf("Default grants not applied yet (retrying every 5 s): %s", e.getMessage());
      }
      return false;
    }
  }

  /**
   * Applies the defaults of every declared resource that has never had them here.
   *
   * @return the resources whose defaults were applied now
   */
  @Transactional
  public List<String> apply() {
    List<String> applied = new ArrayList<>();
    List<ResourceSpec> specs = new ArrayList<>(registry.all());
    specs.sort(Comparator.comparing(ResourceSpec::name));
    for (ResourceSpec spec : specs) {
      Map<String, Set<String>> grants = spec.defaultGrants();
      if (grants.isEmpty()) {
        continue;
      }
      check(spec.name(), grants);
      int claimed =
          em.createNativeQuery(
                  "INSERT INTO permission_defaults (resource) VALUES (?1) ON CONFLICT DO NOTHING")
              .setParameter(1, spec.name())
              .executeUpdate();
      if (claimed == 0) {
        continue;
      }
      grants.forEach(
          (role, actions) ->
              actions.forEach(
                  action ->
                      em.createNativeQuery(
                              "INSERT INTO role_permissions (role, resource, action)"
                                  + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                          .setParameter(1, role)
                          .setParameter(2, spec.name())
                          .setParameter(3, Action.valueOf(action).name())
                          .executeUpdate()));
      applied.add(spec.name());
      roleGrants.changed();
    }
    return applied;
  }

  /** A declaration naming an unknown role or action stops the start, naming it. */
  static void check(String resource, Map<String, Set<String>> grants) {
    grants.forEach(
        (role, actions) -> {
          if (!Roles.ALL.contains(role) || Roles.CRM_ADMIN.equals(role)) {
            throw new IllegalStateException(
                resource
                    + ": default grant to "
                    + role
                    + ", which is not a role the CRM grants to (crm-admin may do everything)");
          }
          for (String action : actions) {
            try {
              Action.valueOf(action);
            } catch (IllegalArgumentException unknown) {
              throw new IllegalStateException(
                  resource + ": default grant of unknown action " + action, unknown);
            }
          }
        });
  }
}
