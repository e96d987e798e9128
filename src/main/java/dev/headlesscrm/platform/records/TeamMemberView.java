package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.security.TeamAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employee a record is shared with (团队成员). */
@org.eclipse.microprofile.graphql.Type("TeamMember")
@org.eclipse.microprofile.graphql.Description("An employee a record is shared with (团队成员).")
@Schema(name = "TeamMember", description = "An employee a record is shared with (团队成员).")
public record TeamMemberView(
    UUID employeeId,
    @Schema(description = "READ or READ_WRITE (edit; never delete, restore or transfer)")
        TeamAccess access,
    @Schema(
            description =
                "Last day of the membership (inclusive, China Standard Time); null = open")
        LocalDate until,
    @Schema(description = "Who shared the record") UUID addedBy,
    Instant addedAt) {}
