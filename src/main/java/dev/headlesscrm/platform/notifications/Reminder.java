package dev.headlesscrm.platform.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing falling due for the caller (提醒): computed when asked, never stored. */
@Type("Reminder")
@Schema(name = "Reminder")
public record Reminder(
    @Schema(
            description = "birthday, follow-up, task, receivable, pool-warning or approval",
            examples = "follow-up")
        String kind,
    @Schema(examples = "customer") String resource,
    UUID recordId,
    @Schema(description = "The customer it concerns, when there is one") UUID customerId,
    @Schema(description = "When it falls due (a date's start, China time, for dates)")
        Instant dueAt,
    @Schema(description = "Due before now") boolean overdue,
    @Schema(examples = "下次跟进：华东机电") String titleZh,
    @Schema(examples = "Follow up: 华东机电") String titleEn,
    @Schema(description = "Kind-specific details") Map<String, String> data) {}
