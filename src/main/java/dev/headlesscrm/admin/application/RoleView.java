package dev.headlesscrm.admin.application;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A realm role and the function permissions the CRM grants it. */
@Schema(name = "Role")
public record RoleView(
    @Schema(examples = "sales-rep") String role,
    @Schema(description = "crm-admin may do everything and cannot be edited") boolean administrator,
    @Schema(examples = "[\"customer:read\", \"customer:create\"]") List<String> permissions) {}
