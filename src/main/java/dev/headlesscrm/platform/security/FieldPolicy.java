package dev.headlesscrm.platform.security;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.FieldVisibility;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field permissions for the current caller, from the roles' grants each pod holds ({@link
 * RoleGrants}, current on every replica within a fraction of a second): per role and resource a
 * field may be hidden or read-only (table role_field_permissions); a field is restricted for a
 * caller only if every one of their roles restricts it, and then as leniently as the most lenient
 * of them. Fields a resource declares sensitive are hidden without the view-sensitive permission;
 * derived fields follow their source. crm-admin sees and writes everything.
 */
@RequestScoped
public class FieldPolicy implements FieldVisibility {

  @Inject SecurityIdentity identity;
  @Inject EntityManager em;
  @Inject RoleGrants grants;
  @Inject CallerPermissions permissions;
  @Inject ResourceRegistry registry;

  private Map<String, Map<String, FieldAccess>> restricted;
  private FieldMask mask;

  public FieldAccess access(String resource, String field) {
    return restricted().getOrDefault(resource, Map.of()).getOrDefault(field, FieldAccess.WRITE);
  }

  @Override
  public boolean hidden(String resource, String field) {
    return access(resource, field) == FieldAccess.HIDDEN;
  }

  /** What this caller may not see, for the outputs to apply. */
  public FieldMask mask() {
    if (mask == null) {
      Map<String, Set<String>> hidden = new HashMap<>();
      restricted()
          .forEach(
              (resource, fields) ->
                  fields.forEach(
                      (field, access) -> {
                        if (access == FieldAccess.HIDDEN) {
                          hidden.computeIfAbsent(resource, r -> new LinkedHashSet<>()).add(field);
                        }
                      }));
      Map<Class<?>, String> views = new HashMap<>();
      for (ResourceSpec spec : registry.all()) {
        if (spec.view() != null && hidden.containsKey(spec.name())) {
          views.put(spec.view(), spec.name());
        }
      }
      mask = hidden.isEmpty() ? FieldMask.NONE : new FieldMask(hidden, views);
    }
    return mask;
  }

  /** A write naming a hidden or read-only field is refused, naming each such field (403). */
  public void checkWritable(String resource, Collection<String> fields) {
    List<String> refused =
        fields.stream().filter(f -> access(resource, f) != FieldAccess.WRITE).sorted().toList();
    if (!refused.isEmpty()) {
      String names = String.join(", ", refused);
      throw new CrmException(
          ProblemType.FORBIDDEN,
          Text.of(
              "You may not change " + names + " of " + resource + " records.",
              "您无权修改" + resource + "的字段：" + names + "。"),
          List.of(),
          Map.of("fields", refused));
    }
  }

  private Map<String, Map<String, FieldAccess>> restricted() {
    if (restricted == null) {
      restricted = compute();
    }
    return restricted;
  }

  private Map<String, Map<String, FieldAccess>> compute() {
    Map<String, Map<String, FieldAccess>> out = new HashMap<>();
    if (identity.isAnonymous() || permissions.isAdmin()) {
      return out;
    }
    List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
    // A caller without CRM roles reads nothing anyway; restrict all that any role does.
    // resource -> field -> role -> access
    Map<String, Map<String, Map<String, FieldAccess>>> byRole = new HashMap<>();
    for (RoleGrants.FieldRow row : grants.current().fieldsOf(roles)) {
      byRole
          .computeIfAbsent(row.resource(), r -> new HashMap<>())
          .computeIfAbsent(row.field(), f -> new HashMap<>())
          .put(row.role(), row.access());
    }
    int roleCount = roles.isEmpty() ? -1 : roles.size();
    byRole.forEach(
        (resource, fields) ->
            fields.forEach(
                (field, perRole) -> {
                  if (roleCount >= 0 && perRole.size() < roleCount) {
                    return; // some role of the caller leaves the field alone
                  }
                  FieldAccess access =
                      roleCount < 0
                          ? perRole.values().stream().min(Enum::compareTo).orElseThrow()
                          : perRole.values().stream().max(Enum::compareTo).orElseThrow();
                  out.computeIfAbsent(resource, r -> new HashMap<>()).put(field, access);
                }));
    for (ResourceSpec spec : registry.all()) {
      if (!spec.sensitive().isEmpty() && !permissions.has(spec.name(), Action.VIEW_SENSITIVE)) {
        Map<String, FieldAccess> fields = out.computeIfAbsent(spec.name(), r -> new HashMap<>());
        spec.sensitive().forEach(f -> fields.put(f, FieldAccess.HIDDEN));
      }
      Map<String, FieldAccess> fields = out.get(spec.name());
      if (fields != null) {
        spec.derived()
            .forEach(
                (derived, source) -> {
                  if (fields.get(source) == FieldAccess.HIDDEN) {
                    fields.put(derived, FieldAccess.HIDDEN);
                  }
                });
      }
    }
    out.values().removeIf(Map::isEmpty);
    return out;
  }

  /** For the roles API: a role's stored field restrictions, by resource. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, FieldAccess>> ofRole(String role) {
    Map<String, Map<String, FieldAccess>> out = new java.util.TreeMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT resource, field, access FROM role_field_permissions WHERE role = ?1"
                    + " ORDER BY resource, field")
            .setParameter(1, role)
            .getResultList();
    for (Object[] row : rows) {
      out.computeIfAbsent((String) row[0], r -> new java.util.TreeMap<>())
          .put((String) row[1], FieldAccess.valueOf((String) row[2]));
    }
    return out;
  }
}
