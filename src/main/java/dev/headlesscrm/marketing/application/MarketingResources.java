package dev.headlesscrm.marketing.application;

import dev.headlesscrm.marketing.domain.CampaignStatus;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Marketing's resources, declared once: campaigns and their target lists. */
@ApplicationScoped
public class MarketingResources implements ResourceDeclarations {

  /** Every role but the administrators' (who hold every right anyway). */
  static final List<String> EVERY_ROLE = Roles.EVERY_GRANTABLE;

  /** Who runs campaigns and their target lists. */
  static final List<String> MARKETERS =
      List.of(Roles.MARKETING, Roles.SALES_MANAGER, Roles.INTEGRATION);

  static final ResourceSpec CAMPAIGNS =
      ResourceSpec.builder("campaign", "campaigns")
          .view(CampaignView.class)
          .dictionary("type", "campaign-type")
          .dictionary("channel", "campaign-channel")
          .labels(
              "name",
              "活动名称",
              "type",
              "活动类型",
              "channel",
              "渠道",
              "status",
              "状态",
              "startDate",
              "开始日期",
              "endDate",
              "结束日期",
              "budget",
              "预算",
              "actualCost",
              "实际费用",
              "expectedRevenue",
              "预期收入",
              "description",
              "说明",
              "launchedAt",
              "启动时间",
              "closedAt",
              "结束时间",
              "ownerId",
              "负责人")
          .field("name", "name", FieldType.STRING, true, false)
          .field("type", "type", FieldType.STRING, false, false)
          .field("channel", "channel", FieldType.STRING, false, true)
          .enumField("status", "status", CampaignStatus.class, false)
          .field("startDate", "start_date", FieldType.DATE, true, true)
          .field("endDate", "end_date", FieldType.DATE, false, true)
          .field("budget", "budget", FieldType.DECIMAL, false, true)
          .field("actualCost", "actual_cost", FieldType.DECIMAL, false, true)
          .field("launchedAt", "launched_at", FieldType.INSTANT, false, true)
          .field("ownerId", "owner_id", FieldType.UUID_, false, true)
          .relation("owner", "owner_id", "employee")
          .auditFields()
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(MARKETERS, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec CAMPAIGN_MEMBERS =
      ResourceSpec.builder("campaign-member", "campaign_members")
          .view(CampaignMemberView.class)
          .dictionary("response", "campaign-response")
          .labels(
              "campaignId",
              "营销活动",
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "plannedAt",
              "计划接触时间",
              "contactedAt",
              "实际接触时间",
              "response",
              "响应",
              "respondedAt",
              "响应时间",
              "note",
              "备注",
              "ownerId",
              "负责人",
              "ownerDepartmentId",
              "负责部门")
          .field("campaignId", "campaign_id", FieldType.UUID_, false, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("plannedAt", "planned_at", FieldType.INSTANT, true, false)
          .field("contactedAt", "contacted_at", FieldType.INSTANT, false, true)
          .field("response", "response", FieldType.STRING, false, true)
          .field("respondedAt", "responded_at", FieldType.INSTANT, false, true)
          .ownerFields()
          .auditFields()
          .relation("campaign", "campaign_id", "campaign", Relation.OnDelete.CASCADE, false)
          // Not moved on a merge: the survivor may be on the same list already (one row each).
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, false)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(MARKETERS, "CREATE", "UPDATE", "DELETE", "RESTORE", "TRANSFER")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(CAMPAIGNS, CAMPAIGN_MEMBERS);
  }
}
