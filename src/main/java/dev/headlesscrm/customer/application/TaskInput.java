package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.TaskPriority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a task. */
@Input("TaskInput")
@Schema(
    name = "TaskInput",
    description =
        "The writable fields of a task. relatedResource and relatedId name the record it is about"
            + " (any resource: customer, contact, lead, opportunity, contract...), both or neither.")
public record TaskInput(
    @NotBlank @Size(max = 200) @Schema(examples = "给华东区客户发送二期报价") String subject,
    @Size(max = 10000) String description,
    Instant dueAt,
    @Schema(description = "When to remind the assignee; at most the due time") Instant remindAt,
    @Schema(description = "NORMAL when omitted") TaskPriority priority,
    @Size(max = 64) @Schema(description = "A resource name: customer, contact, opportunity...")
        String relatedResource,
    UUID relatedId,
    @Schema(description = "The assignee (负责人); the caller when omitted") UUID ownerId,
    @Schema(
            description =
                "NONE when omitted. A recurring task (it needs dueAt) makes its next occurrence"
                    + " when completed or cancelled (skipped)")
        dev.headlesscrm.customer.domain.TaskRecurrence recurrence,
    @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(365)
        @Schema(description = "Every this many days, weeks, months or years (default 1)")
        Integer recurrenceInterval,
    @Schema(description = "No occurrence due after this day")
        java.time.LocalDate recurrenceUntil) {}
