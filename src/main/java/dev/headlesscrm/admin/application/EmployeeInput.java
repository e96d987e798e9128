package dev.headlesscrm.admin.application;

import dev.headlesscrm.admin.domain.EmployeeStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of an employee. The employee number is generated when not given; the username
 * links the record to a Keycloak user when that user first signs in.
 */
@Input("EmployeeInput")
@Schema(name = "EmployeeInput", description = "The writable fields of an employee.")
public record EmployeeInput(
    @Size(min = 1, max = 32)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*")
        @Schema(description = "Generated (E + six digits) when omitted on create.")
        String employeeNumber,
    @NotBlank @Size(max = 100) String name,
    @Email @Size(max = 254) String email,
    @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()-]{3,32}") String mobile,
    UUID departmentId,
    UUID supervisorId,
    @Schema(description = "ACTIVE when omitted on create.") EmployeeStatus status,
    @Size(max = 100) @Schema(description = "The Keycloak username of this person.")
        String username) {}
