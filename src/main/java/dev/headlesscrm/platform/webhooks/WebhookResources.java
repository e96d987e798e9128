package dev.headlesscrm.platform.webhooks;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Webhook subscriptions' declaration: set up by administrators and integrations. */
@ApplicationScoped
public class WebhookResources implements ResourceDeclarations {

  public static final String WEBHOOK = "webhook";

  static final ResourceSpec WEBHOOKS =
      ResourceSpec.builder(WEBHOOK, "webhook_subscriptions")
          .view(WebhookView.class)
          .labels(
              "url",
              "推送地址",
              "eventTypes",
              "事件类型",
              "filter",
              "过滤条件",
              "description",
              "说明",
              "active",
              "启用",
              "ownerId",
              "订阅人",
              "previousSecretExpiresAt",
              "旧密钥失效时间",
              "disabledReason",
              "停用原因",
              "disabledAt",
              "停用时间")
          .field("url", "url", FieldType.STRING, true, false)
          .field("description", "description", FieldType.STRING, false, true)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .field("ownerId", "owner_id", FieldType.UUID_, false, false)
          .field("disabledAt", "disabled_at", FieldType.INSTANT, true, true)
          .auditFields()
          .softDelete()
          .grant(List.of(Roles.INTEGRATION), "READ", "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(WEBHOOKS);
  }
}
