package dev.headlesscrm.admin.api.graphql;

import dev.headlesscrm.admin.application.RoleService;
import dev.headlesscrm.admin.application.RoleView;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.security.Scope;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Roles and what each may do, over GraphQL: the same service as /api/v1/roles. */
@GraphQLApi
@GraphQlProblems
public class RoleGraphQlApi {

  @Inject RoleService service;

  @Query("roles")
  @Description("The realm roles and what each may do.")
  public List<RoleView> roles() {
    return service.list();
  }

  @Query("role")
  @Description("One role and what it may do.")
  public RoleView role(@NonNull String role) {
    return service.get(role);
  }

  @Mutation("replaceRolePermissions")
  @Description("Replaces a role's function permissions (administrators; in force at once).")
  public RoleView replaceRolePermissions(@NonNull String role, @NonNull List<String> permissions) {
    return service.replace(role, permissions);
  }

  @Mutation("setRoleScope")
  @Description(
      "Sets a role's data scope, or with resource its scope for that owned resource alone (scope"
          + " null removes it); administrators; in force at once.")
  public RoleView setRoleScope(
      @NonNull String role,
      Scope scope,
      @org.eclipse.microprofile.graphql.Name("resource") String resource) {
    return service.setScope(role, scope, resource);
  }
}
