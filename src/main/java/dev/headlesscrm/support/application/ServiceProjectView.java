package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.ProjectKind;
import dev.headlesscrm.support.domain.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service project (项目服务) as clients read it. */
@Type("ServiceProject")
@Schema(
    name = "ServiceProject",
    description =
        "An implementation or service project for a customer, managed by its owner. Status moves"
            + " PLANNED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED, or CANCELLED, only through start,"
            + " hold, resume, complete and cancel; it completes once every milestone is reached."
            + " Milestones (/project-milestones?filter=projectId==…), time entries"
            + " (/time-entries?filter=projectId==…) and tasks (/tasks?filter=relatedResource=="
            + "service-project;relatedId==…) hang off it. progress is the share of its milestones"
            + " reached (100 once completed); loggedHours the sum of its live time entries;"
            + " overBudget is set when loggedHours exceed budgetHours. Each change of these totals"
            + " moves the project's version.")
public record ServiceProjectView(
    @Id UUID id,
    @Schema(examples = "XM202612070001") String number,
    String externalId,
    String name,
    ProjectKind kind,
    UUID customerId,
    UUID contractId,
    UUID orderId,
    String description,
    LocalDate plannedStart,
    LocalDate plannedEnd,
    BigDecimal budgetHours,
    @Schema(description = "The hours of its live time entries") BigDecimal loggedHours,
    @Schema(description = "The billable part of loggedHours") BigDecimal billableHours,
    @Schema(description = "loggedHours exceed budgetHours") boolean overBudget,
    @Schema(description = "Live milestones") int milestoneCount,
    @Schema(description = "Live milestones reached") int reachedMilestoneCount,
    @Schema(
            description =
                "Percent: reachedMilestoneCount × 100 / milestoneCount rounded down; 100 once"
                    + " COMPLETED; 0 without milestones")
        int progress,
    ProjectStatus status,
    Instant startedAt,
    Instant completedAt,
    Instant cancelledAt,
    @Schema(description = "The project manager") UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
