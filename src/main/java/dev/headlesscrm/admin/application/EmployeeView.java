package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.EmployeeStatus;
import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employee as clients read it. */
@Type("Employee")
@Schema(name = "Employee", description = "A person who uses the CRM (员工).")
public record EmployeeView(
    @Id UUID id,
    @Schema(examples = "E000042") String employeeNumber,
    @Schema(examples = "张伟") String name,
    String email,
    String mobile,
    UUID departmentId,
    UUID supervisorId,
    EmployeeStatus status,
    @Schema(description = "The Keycloak subject (sub) of the user; null until first sign-in.")
        String subject,
    @Schema(description = "The Keycloak username.") String username,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    @Schema(description = "Set while the record is soft-deleted") Instant deletedAt)
    implements Versioned {}
