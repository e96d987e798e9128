package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification as its recipient reads it. */
@Type("Notification")
@Schema(
    name = "Notification",
    description =
        "An in-app notification (站内通知) to one employee, about one record. Every notification is"
            + " also a notification.created event only its recipient sees.")
public record NotificationView(
    @Id UUID id,
    UUID recipientId,
    @Schema(
            description =
                "pool-warning, pool-escalation, pool-returned, record-transferred, record-shared,"
                    + " task-assigned, approval-waiting, care-marketing-conflict",
            examples = "pool-warning")
        String kind,
    @Schema(description = "The resource of the record it is about", examples = "customer")
        String resource,
    UUID recordId,
    @Schema(examples = "客户 华东机电 将于 2026-12-10 回收至公海") String titleZh,
    @Schema(examples = "Customer 华东机电 returns to the pool on 2026-12-10") String titleEn,
    @Schema(description = "Kind-specific details (returnAt, poolId, action...)")
        Map<String, String> data,
    @Schema(description = "When the recipient marked it read; null while unread") Instant readAt,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
