package dev.headlesscrm.admin.application;

import dev.headlesscrm.platform.security.FieldAccess;
import dev.headlesscrm.platform.security.Scope;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A realm role and the function permissions the CRM grants it. */
@Schema(name = "Role")
@Type("Role")
public record RoleView(
    @Schema(examples = "sales-rep") String role,
    @Schema(description = "crm-admin may do everything and cannot be edited") boolean administrator,
    @Schema(description = "数据权限: whose owned records the role sees") Scope scope,
    @Schema(
            description =
                "The role's scope for single resources where it differs from scope (the service"
                    + " desk reads every customer: {\"customer\": \"ALL\"})",
            examples = "{\"customer\": \"ALL\"}")
        Map<String, Scope> resourceScopes,
    @Schema(examples = "[\"customer:read\", \"customer:create\"]") List<String> permissions,
    @Schema(
            description =
                "Field permissions: per resource, the fields this role may not see (HIDDEN) or"
                    + " change (READ_ONLY); fields not named are read-write. A caller with several"
                    + " roles gets the most lenient.",
            examples = "{\"customer\": {\"creditLimit\": \"HIDDEN\"}}")
        Map<String, Map<String, FieldAccess>> fields) {}
