package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.cache.CacheVersions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every role may do, held in each pod: function permissions, data scope and field permissions
 * of all roles (three small tables), read once and again only when they change ({@link
 * CacheVersions}, kind {@code roles}), so a request checks its caller's permissions without a
 * statement. An administrator's change is in force on this pod when it commits and on every other
 * within {@link CacheVersions#POLL_MILLIS} ms.
 */
@ApplicationScoped
public class RoleGrants {

  static final String KIND = "roles";

  /** A field permission row: this role has this access to this field of this resource. */
  public record FieldRow(String role, String resource, String field, FieldAccess access) {}

  /** All roles' grants as one consistent picture. */
  public record Snapshot(
      Map<String, Set<String>> permissions,
      Map<String, Scope> scopes,
      Map<String, Map<String, Scope>> resourceScopes,
      List<FieldRow> fields) {

    /** {@code resource:ACTION} granted to any of these roles. */
    public Set<String> permissionsOf(Collection<String> roles) {
      Set<String> out = new HashSet<>();
      roles.forEach(r -> out.addAll(permissions.getOrDefault(r, Set.of())));
      return out;
    }

    /** The stored scopes of these roles. */
    public List<Scope> scopesOf(Collection<String> roles) {
      return roles.stream().map(scopes::get).filter(s -> s != null).toList();
    }

    /**
     * The scopes of these roles for one resource: each role's scope for it where one is stored,
     * else the role's scope (null resource: the roles' scopes).
     */
    public List<Scope> scopesOf(Collection<String> roles, String resource) {
      if (resource == null) {
        return scopesOf(roles);
      }
      return roles.stream()
          .map(
              r -> {
                Scope own = resourceScopes.getOrDefault(r, Map.of()).get(resource);
                return own != null ? own : scopes.get(r);
              })
          .filter(s -> s != null)
          .toList();
    }

    /** The field rows of these roles, or of every role when there are none. */
    public List<FieldRow> fieldsOf(Collection<String> roles) {
      return roles.isEmpty()
          ? fields
          : fields.stream().filter(f -> roles.contains(f.role())).toList();
    }
  }

  @Inject AgroalDataSource dataSource;
  @Inject CacheVersions versions;

  private volatile Snapshot held;

  /**
   * Grants read through this data source and watched by these versions, as another pod holds them.
   */
  public static RoleGrants of(AgroalDataSource dataSource, CacheVersions versions) {
    RoleGrants grants = new RoleGrants();
    grants.dataSource = dataSource;
    grants.versions = versions;
    grants.watch();
    return grants;
  }

  @jakarta.annotation.PostConstruct
  void watch() {
    versions.onChange(KIND, this::reload);
  }

  /** Read at start, so that no request has to open a connection of its own for it. */
  void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
    try {
      reload();
    } catch (RuntimeException unreachable) {
      // The database is not there yet: the first request that needs the grants reads them.
    }
  }

  /**
   * The current picture. Reloaded off the request path when the roles change (see {@link
   * CacheVersions#onChange}); only the very first call of a pod reads the tables itself.
   */
  public Snapshot current() {
    Snapshot s = held;
    if (s == null) {
      s = reload();
    }
    return s;
  }

  /** A change to the roles' grants in this transaction: every pod reloads once it commits. */
  public void changed() {
    versions.changed(KIND);
  }

  synchronized Snapshot reload() {
    Snapshot s = load();
    held = s;
    return s;
  }

  private Snapshot load() {
    Map<String, Set<String>> permissions = new HashMap<>();
    Map<String, Scope> scopes = new HashMap<>();
    Map<String, Map<String, Scope>> resourceScopes = new HashMap<>();
    List<FieldRow> fields = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT role, resource, action FROM role_permissions")) {
        while (r.next()) {
          permissions
              .computeIfAbsent(r.getString(1), k -> new HashSet<>())
              .add(r.getString(2) + ":" + r.getString(3));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT role, scope FROM role_scopes")) {
        while (r.next()) {
          scopes.put(r.getString(1), Scope.valueOf(r.getString(2)));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT role, resource, scope FROM role_resource_scopes")) {
        while (r.next()) {
          resourceScopes
              .computeIfAbsent(r.getString(1), k -> new HashMap<>())
              .put(r.getString(2), Scope.valueOf(r.getString(3)));
        }
      }
      try (ResultSet r =
          s.executeQuery("SELECT role, resource, field, access FROM role_field_permissions")) {
        while (r.next()) {
          fields.add(
              new FieldRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  FieldAccess.valueOf(r.getString(4))));
        }
      }
    } catch (SQLException failure) {
      throw new IllegalStateException("role grants could not be read", failure);
    }
    permissions.replaceAll((role, set) -> Set.copyOf(set));
    resourceScopes.replaceAll((role, map) -> Map.copyOf(map));
    return new Snapshot(
        Map.copyOf(permissions),
        Map.copyOf(scopes),
        Map.copyOf(resourceScopes),
        List.copyOf(fields));
  }
}
