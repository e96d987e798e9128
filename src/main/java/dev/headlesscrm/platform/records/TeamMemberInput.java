package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.security.TeamAccess;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shares a record with an employee, or changes how (the body of POST /x/{id}/team). */
@Input("TeamMemberInput")
@Schema(name = "TeamMemberInput")
public record TeamMemberInput(
    @NotNull UUID employeeId,
    @Schema(description = "READ (default) or READ_WRITE") TeamAccess access,
    @Schema(description = "Last day (inclusive); omit for no end") LocalDate until) {

  public TeamAccess accessOrDefault() {
    return access == null ? TeamAccess.READ : access;
  }
}
