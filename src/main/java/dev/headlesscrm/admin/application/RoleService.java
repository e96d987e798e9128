package dev.headlesscrm.admin.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.audit.ChangeLog;
import dev.headlesscrm.platform.audit.ChangeRecord;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.FieldAccess;
import dev.headlesscrm.platform.security.FieldPolicy;
import dev.headlesscrm.platform.security.Permission;
import dev.headlesscrm.platform.security.Roles;
import dev.headlesscrm.platform.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** What each realm role may do (部门权限), edited by administrators. */
@ApplicationScoped
public class RoleService {

  static final String RESOURCE = "role";

  @Inject EntityManager em;
  @Inject AccessPolicy access;
  @Inject ChangeLog changeLog;
  @Inject dev.headlesscrm.platform.security.RoleGrants grants;
  @Inject FieldPolicy fieldPolicy;
  @Inject ResourceRegistry registry;
  @Inject dev.headlesscrm.platform.security.PermissionCatalogue catalogue;

  /** Fields no permission may restrict: identity and concurrency. */
  static final Set<String> ALWAYS_VISIBLE = Set.of("id", "version");

  /** Fields the system writes: hiding them is allowed, marking them read-only is meaningless. */
  static final Set<String> SYSTEM =
      Set.of("createdAt", "createdBy", "updatedAt", "updatedBy", "deletedAt");

  @Transactional
  public List<RoleView> list() {
    access.require(RESOURCE, Action.READ);
    return Roles.ALL.stream().map(this::view).toList();
  }

  @Transactional
  public RoleView get(String role) {
    access.require(RESOURCE, Action.READ);
    return view(known(role));
  }

  /**
   * Replaces the role's permissions; takes effect on this replica at commit and on every other
   * within a fraction of a second.
   */
  @Transactional
  public RoleView replace(String role, List<String> permissions) {
    access.require(RESOURCE, Action.UPDATE);
    known(role);
    if (Roles.CRM_ADMIN.equals(role)) {
      throw CrmException.conflict(
          Text.of(
              "crm-admin may do everything; its permissions cannot be edited.",
              "crm-admin 拥有全部权限，不能编辑。"));
    }
    if (permissions == null) {
      throw CrmException.invalidField(
          "permissions", "required", Text.of("A list of permissions is required.", "须提供权限列表。"));
    }
    List<Permission> parsed = permissions.stream().map(catalogue::parse).distinct().toList();
    RoleView before = view(role);
    em.createNativeQuery("DELETE FROM role_permissions WHERE role = ?1")
        .setParameter(1, role)
        .executeUpdate();
    for (Permission p : parsed) {
      em.createNativeQuery(
              "INSERT INTO role_permissions (role, resource, action) VALUES (?1, ?2, ?3)")
          .setParameter(1, role)
          .setParameter(2, p.resource())
          .setParameter(3, p.action().name())
          .executeUpdate();
    }
    RoleView after = view(role);
    recordChange(role, "permissions", before.permissions(), after.permissions(), after);
    return after;
  }

  /**
   * Sets the role's data scope; takes effect on this replica at commit and on every other within a
   * fraction of a second.
   */
  @Transactional
  public RoleView setScope(String role, Scope scope) {
    return setScope(role, scope, null);
  }

  /**
   * Sets the role's data scope, or with a resource its scope for that resource alone (a null scope
   * then removes it: the role's scope applies again). In force on this replica at commit and on
   * every other within a fraction of a second.
   */
  @Transactional
  public RoleView setScope(String role, Scope scope, String resource) {
    access.require(RESOURCE, Action.UPDATE);
    known(role);
    if (Roles.CRM_ADMIN.equals(role)) {
      throw CrmException.conflict(
          Text.of("crm-admin always sees everything.", "crm-admin 始终可以看到全部数据。"));
    }
    if (resource != null) {
      if (!registry.has(resource) || !registry.get(resource).fields().containsKey("ownerId")) {
        throw CrmException.invalidField(
            "resource",
            "not-owned",
            Text.of(
                "Data scope applies to owned resources only: " + resource + " is not one.",
                "数据范围只适用于有负责人的资源：" + resource + " 不是。"));
      }
      RoleView before = view(role);
      if (scope == null) {
        em.createNativeQuery("DELETE FROM role_resource_scopes WHERE role = ?1 AND resource = ?2")
            .setParameter(1, role)
            .setParameter(2, resource)
            .executeUpdate();
      } else {
        em.createNativeQuery(
                "INSERT INTO role_resource_scopes (role, resource, scope) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT (role, resource) DO UPDATE SET scope = EXCLUDED.scope")
            .setParameter(1, role)
            .setParameter(2, resource)
            .setParameter(3, scope.name())
            .executeUpdate();
      }
      RoleView after = view(role);
      recordChange(role, "resourceScopes", before.resourceScopes(), after.resourceScopes(), after);
      return after;
    }
    if (scope == null) {
      throw CrmException.invalidField(
          "scope", "required", Text.of("A scope is required.", "须提供数据范围。"));
    }
    RoleView before = view(role);
    em.createNativeQuery(
            "INSERT INTO role_scopes (role, scope) VALUES (?1, ?2)"
                + " ON CONFLICT (role) DO UPDATE SET scope = EXCLUDED.scope")
        .setParameter(1, role)
        .setParameter(2, scope.name())
        .executeUpdate();
    RoleView after = view(role);
    recordChange(role, "scope", before.scope(), after.scope(), after);
    return after;
  }

  /**
   * Replaces the role's field permissions ({resource: {field: HIDDEN|READ_ONLY}}); takes effect on
   * this replica at commit and on every other within a fraction of a second.
   */
  @Transactional
  public RoleView setFields(String role, Map<String, Map<String, FieldAccess>> fields) {
    access.require(RESOURCE, Action.UPDATE);
    known(role);
    if (Roles.CRM_ADMIN.equals(role)) {
      throw CrmException.conflict(
          Text.of("crm-admin always sees every field.", "crm-admin 始终可以看到全部字段。"));
    }
    if (fields == null) {
      throw CrmException.invalidField(
          "fields", "required", Text.of("A map of field permissions is required.", "须提供字段权限。"));
    }
    List<CrmException.Violation> problems = new ArrayList<>();
    fields.forEach(
        (resource, perField) -> {
          ResourceSpec spec = registry.has(resource) ? registry.get(resource) : null;
          if (spec == null || spec.view() == null) {
            problems.add(
                new CrmException.Violation(
                    "fields." + resource,
                    "unknown-resource",
                    Text.of("No such resource.", "资源不存在。")));
            return;
          }
          List<String> known = spec.viewFields();
          (perField == null ? Map.<String, FieldAccess>of() : perField)
              .forEach(
                  (field, level) -> {
                    String at = "fields." + resource + "." + field;
                    if (!known.contains(field) || ALWAYS_VISIBLE.contains(field)) {
                      problems.add(
                          new CrmException.Violation(
                              at,
                              "unknown-field",
                              Text.of("Not a field that can be restricted.", "该字段不存在或不可限制。")));
                    } else if (level == null || level == FieldAccess.WRITE) {
                      problems.add(
                          new CrmException.Violation(
                              at,
                              "enum",
                              Text.of("HIDDEN or READ_ONLY.", "须为 HIDDEN 或 READ_ONLY。")));
                    } else if (level == FieldAccess.READ_ONLY && SYSTEM.contains(field)) {
                      problems.add(
                          new CrmException.Violation(
                              at,
                              "system-field",
                              Text.of(
                                  "The system writes this field; it can only be hidden.",
                                  "该字段由系统维护，只能设为隐藏。")));
                    }
                  });
        });
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    RoleView before = view(role);
    em.createNativeQuery("DELETE FROM role_field_permissions WHERE role = ?1")
        .setParameter(1, role)
        .executeUpdate();
    fields.forEach(
        (resource, perField) ->
            perField.forEach(
                (field, level) ->
                    em.createNativeQuery(
                            "INSERT INTO role_field_permissions (role, resource, field, access)"
                                + " VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, role)
                        .setParameter(2, resource)
                        .setParameter(3, field)
                        .setParameter(4, level.name())
                        .executeUpdate()));
    RoleView after = view(role);
    recordChange(role, "fields", before.fields(), after.fields(), after);
    return after;
  }

  private void recordChange(String role, String what, Object before, Object after, RoleView view) {
    grants.changed(); // every pod's picture of the roles: this one's at commit
    if (java.util.Objects.equals(before, after)) {
      return;
    }
    changeLog.record(
        new ChangeRecord(
            RESOURCE,
            UUID.nameUUIDFromBytes(("role:" + role).getBytes(StandardCharsets.UTF_8)),
            0,
            ChangeLog.UPDATED,
            Map.of(what, new FieldChange(before, after)),
            view));
  }

  private String known(String role) {
    if (!Roles.ALL.contains(role)) {
      throw CrmException.notFound(RESOURCE, role);
    }
    return role;
  }

  @SuppressWarnings("unchecked")
  private RoleView view(String role) {
    if (Roles.CRM_ADMIN.equals(role)) {
      List<String> all = new ArrayList<>();
      for (String resource : catalogue.resources()) {
        for (Action action : Action.values()) {
          all.add(new Permission(resource, action).toString());
        }
      }
      return new RoleView(role, true, Scope.ALL, Map.of(), all, Map.of());
    }
    List<Object[]> rows =
        em.createNativeQuery("SELECT resource, action FROM role_permissions WHERE role = ?1")
            .setParameter(1, role)
            .getResultList();
    TreeSet<String> permissions = new TreeSet<>();
    rows.forEach(r -> permissions.add(r[0] + ":" + ((String) r[1]).toLowerCase(Locale.ROOT)));
    List<String> scopes =
        em.createNativeQuery("SELECT scope FROM role_scopes WHERE role = ?1", String.class)
            .setParameter(1, role)
            .getResultList();
    Scope scope = scopes.isEmpty() ? Scope.SELF : Scope.valueOf(scopes.get(0));
    Map<String, Scope> resourceScopes = new java.util.TreeMap<>();
    List<Object[]> own =
        em.createNativeQuery(
                "SELECT resource, scope FROM role_resource_scopes WHERE role = ?1 ORDER BY resource")
            .setParameter(1, role)
            .getResultList();
    own.forEach(r -> resourceScopes.put((String) r[0], Scope.valueOf((String) r[1])));
    return new RoleView(
        role,
        false,
        scope,
        Map.copyOf(resourceScopes),
        List.copyOf(permissions),
        fieldPolicy.ofRole(role));
  }
}
