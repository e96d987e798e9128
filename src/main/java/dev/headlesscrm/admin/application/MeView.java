package dev.headlesscrm.admin.application;

import dev.headlesscrm.platform.security.PrincipalKind;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is: the principal, its roles, and for people the employee and department. */
@Type("Me")
@Schema(name = "Me", description = "The calling principal.")
public record MeView(
    @Schema(description = "The id that audit fields and events use for this caller.")
        UUID principalId,
    PrincipalKind kind,
    @Schema(description = "The Keycloak subject (sub).") String subject,
    String username,
    @Schema(description = "The OAuth client the token was issued to (azp).") String clientId,
    @Schema(description = "The CRM roles the token carries.", examples = "[\"sales-rep\"]")
        List<String> roles,
    @Schema(
            description = "The caller's function permissions (resource:action)",
            examples = "[\"customer:read\", \"customer:create\"]")
        List<String> permissions,
    @Schema(description = "The caller's employee record; null for service accounts.")
        EmployeeView employee,
    @Schema(description = "The employee's department, if any.") DepartmentView department) {}
