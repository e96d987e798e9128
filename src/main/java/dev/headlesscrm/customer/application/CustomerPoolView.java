package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public pool (公海) as clients read it. */
@Type("CustomerPool")
@Schema(
    name = "CustomerPool",
    description =
        "A public pool (公海). Its members claim its customers; the customers its members own"
            + " return to it by its rules (the first active pool by priority governs an owner).")
public record CustomerPoolView(
    @Id UUID id,
    String name,
    String description,
    boolean active,
    int priority,
    List<UUID> memberEmployeeIds,
    List<UUID> memberDepartmentIds,
    List<UUID> adminIds,
    List<PoolRuleView> rules,
    int warnDaysBefore,
    int escalateDaysBefore,
    Integer dailyClaimLimit,
    Integer ownershipCap,
    boolean capCountsWon,
    int coolingOffDays,
    Integer lockCap,
    List<String> hiddenFields,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
