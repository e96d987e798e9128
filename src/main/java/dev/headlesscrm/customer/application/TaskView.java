package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.TaskPriority;
import dev.headlesscrm.customer.domain.TaskStatus;
import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task as clients read it. */
@Type("Task")
@org.eclipse.microprofile.graphql.Description(
    "A task (待办) assigned to an employee, its owner, optionally about a record. Status moves"
        + " through completeTask, cancelTask and reopenTask only.")
@Schema(
    name = "Task",
    description =
        "A task (待办) assigned to an employee (ownerId: the assignee), optionally about a record;"
            + " status moves through POST /tasks/{id}/complete, /cancel and /reopen only.")
public record TaskView(
    @Id UUID id,
    @Schema(examples = "给华东区客户发送二期报价") String subject,
    String description,
    @Schema(description = "截止时间") Instant dueAt,
    @Schema(description = "提醒时间") Instant remindAt,
    TaskPriority priority,
    TaskStatus status,
    @Schema(
            description = "The kind of record the task is about, a resource name",
            examples = "opportunity")
        String relatedResource,
    @Schema(description = "The record the task is about") UUID relatedId,
    @Schema(description = "The customer of the related record (or the record itself)")
        UUID customerId,
    Instant completedAt,
    UUID completedBy,
    dev.headlesscrm.customer.domain.TaskRecurrence recurrence,
    int recurrenceInterval,
    java.time.LocalDate recurrenceUntil,
    @Schema(description = "Shared by every occurrence of a recurring task") UUID seriesId,
    @Schema(description = "负责人: the assignee; the caller when omitted on create") UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
