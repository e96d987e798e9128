package dev.headlesscrm.admin.api.rest;

import dev.headlesscrm.admin.application.RoleService;
import dev.headlesscrm.admin.application.RoleView;
import dev.headlesscrm.platform.security.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Roles and their function permissions (部门权限). */
@Path("/api/v1/roles")
@Tag(name = "Organisation")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

  /** The body of a permissions replacement. */
  public record Permissions(List<String> permissions) {}

  /** The body of a data scope change. */
  public record ScopeChange(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "The scope; with resource, null removes the role's scope for it")
          Scope scope,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "An owned resource (customer, contact…): the role's scope for it alone",
              examples = "customer")
          String resource) {}

  @Inject RoleService service;

  @GET
  @Operation(
      operationId = "listRoles",
      description =
          "The realm roles with their function permissions, data scope and field permissions.",
      summary = "The realm roles and what each may do")
  public Map<String, List<RoleView>> list() {
    return Map.of("data", service.list());
  }

  @GET
  @Path("{role}")
  @Operation(
      operationId = "getRole",
      description =
          "One realm role with its function permissions, data scope and field permissions.",
      summary = "One role and what it may do")
  public RoleView get(@PathParam("role") String role) {
    return service.get(role);
  }

  @PUT
  @Path("{role}/permissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceRolePermissions",
      description =
          "Replaces the role's function permissions with the list given (resource:action). In force from the next request.",
      summary = "Replace a role's permissions (administrators; effective from the next request)")
  public RoleView replace(@PathParam("role") String role, Permissions body) {
    return service.replace(role, body == null ? null : body.permissions());
  }

  @PUT
  @Path("{role}/scope")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setRoleScope",
      description =
          "Sets the role's data scope (SELF, SUBORDINATES, DEPARTMENT, DEPARTMENT_TREE or ALL), or"
              + " with resource its scope for that owned resource alone (resourceScopes; scope null"
              + " removes it). A caller's scope for a resource is the widest of their roles' scopes"
              + " for it. In force from the next request.",
      summary = "Set a role's data scope (administrators; effective from the next request)")
  public RoleView scope(@PathParam("role") String role, ScopeChange body) {
    return service.setScope(
        role, body == null ? null : body.scope(), body == null ? null : body.resource());
  }

  @PUT
  @Path("{role}/fields")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setRoleFieldPermissions",
      description =
          "Replaces the role's field permissions (HIDDEN or READ per resource field; fields not listed are writable). In force from the next request; hidden fields vanish from responses, exports, history and events.",
      summary =
          "Replace a role's field permissions (administrators; effective from the next request)")
  public RoleView fields(
      @PathParam("role") String role,
      Map<String, Map<String, dev.headlesscrm.platform.security.FieldAccess>> body) {
    return service.setFields(role, body);
  }
}
