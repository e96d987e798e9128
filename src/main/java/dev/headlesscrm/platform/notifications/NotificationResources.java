package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The inbox's list declaration: what /me/notifications filters and sorts by. */
@ApplicationScoped
public class NotificationResources implements ResourceDeclarations {

  static final ResourceSpec NOTIFICATIONS =
      ResourceSpec.builder("notification", "notifications")
          .view(NotificationView.class)
          .labels(
              "recipientId",
              "接收人",
              "kind",
              "类型",
              "resource",
              "记录类型",
              "recordId",
              "记录",
              "titleZh",
              "标题",
              "titleEn",
              "标题（英文）",
              "data",
              "详情",
              "readAt",
              "已读时间")
          .field("recipientId", "recipient_id", FieldType.UUID_, false, false)
          .field("kind", "kind", FieldType.STRING, true, false)
          .field("resource", "resource", FieldType.STRING, false, true)
          .field("recordId", "record_id", FieldType.UUID_, false, true)
          .field("readAt", "read_at", FieldType.INSTANT, true, true)
          .auditFields()
          .softDelete()
          .grant(Roles.ALL.stream().filter(r -> !r.equals(Roles.CRM_ADMIN)).toList(), "READ")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(NOTIFICATIONS);
  }
}
