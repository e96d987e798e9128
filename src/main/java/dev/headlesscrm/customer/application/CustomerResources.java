package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Gender;
import dev.headlesscrm.customer.domain.LifecycleStage;
import dev.headlesscrm.customer.domain.TaskPriority;
import dev.headlesscrm.customer.domain.TaskStatus;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What lists may filter and sort customers and contacts by, declared once. Relations make dotted
 * paths work ({@code customer.level==A} on contacts, {@code owner.department.name==华东区}) and are
 * what {@code expand} embeds.
 */
@ApplicationScoped
public class CustomerResources implements ResourceDeclarations {

  static final ResourceSpec CUSTOMERS =
      ResourceSpec.builder("customer", "customers")
          .view(CustomerView.class)
          .dictionary("industry", "industry")
          .dictionary("level", "customer-level")
          .dictionary("type", "customer-type")
          .dictionary("status", "customer-status")
          .dictionary("source", "customer-source")
          .dictionary("creditRating", "credit-rating")
          .labels(
              "number",
              "客户编号",
              "mnemonic",
              "助记码",
              "name",
              "客户名称",
              "officeAddress",
              "办公地址",
              "mainPhone",
              "主要电话",
              "postalCode",
              "邮编",
              "email",
              "电子邮件",
              "city",
              "城市",
              "industry",
              "行业",
              "level",
              "客户级别",
              "type",
              "客户类型",
              "status",
              "客户状态",
              "source",
              "客户来源",
              "creditRating",
              "信用等级",
              "creditLimit",
              "信用额度",
              "currency",
              "币种",
              "parentId",
              "上级单位",
              "finance",
              "财务信息",
              "homepage",
              "主页",
              "notes",
              "备注",
              "registeredAt",
              "登记日期",
              "lifecycleStage",
              "生命周期阶段",
              "tags",
              "标签",
              "custom",
              "自定义字段",
              "externalId",
              "外部编号",
              "ownerId",
              "负责员工",
              "ownerDepartmentId",
              "负责部门",
              "mergedIntoId",
              "合并至",
              "lastFollowUpAt",
              "最近跟进时间",
              "lastFollowUpContent",
              "最近跟进内容",
              "lastFollowUpById",
              "最近跟进人",
              "nextFollowUpAt",
              "下次跟进时间",
              "poolId",
              "所在公海",
              "poolEnteredAt",
              "进入公海时间",
              "poolEntryReason",
              "进入公海原因",
              "previousOwnerId",
              "前负责人",
              "ownedSince",
              "领取时间",
              "locked",
              "锁定",
              "lockedAt",
              "锁定时间",
              "lockedById",
              "锁定人",
              "lastWonAt",
              "最近成交时间",
              "wonDeals",
              "成交次数",
              "firstWonAt",
              "首次成交时间",
              "lastPaymentAt",
              "最近回款时间",
              "lastContractEndOn",
              "最近合同到期日",
              "poolReturnAt",
              "回收时间",
              "poolReturnPoolId",
              "回收至公海",
              "poolReturnRule",
              "回收规则",
              "poolReturnCriterion",
              "回收条件",
              "hiddenFields",
              "隐藏字段",
              "birthday",
              "生日",
              "gender",
              "性别")
          .sensitive("birthday")
          .field("number", "number", FieldType.STRING, true, false)
          .field("mnemonic", "mnemonic", FieldType.STRING, true, true)
          .field("name", "name", FieldType.STRING, true, false)
          .field("city", "city", FieldType.STRING, true, true)
          .field("email", "email", FieldType.STRING, false, true)
          .field("mainPhone", "main_phone", FieldType.STRING, false, true)
          .field("industry", "industry", FieldType.STRING, true, true)
          .field("level", "level", FieldType.STRING, true, true)
          .field("type", "type", FieldType.STRING, true, true)
          .field("status", "status", FieldType.STRING, true, true)
          .field("source", "source", FieldType.STRING, true, true)
          .field("creditRating", "credit_rating", FieldType.STRING, true, true)
          .field("creditLimit", "credit_limit", FieldType.DECIMAL, true, true)
          .field("currency", "currency", FieldType.STRING, false, false)
          .field("registeredAt", "registered_at", FieldType.DATE, true, true)
          .enumField("lifecycleStage", "lifecycle_stage", LifecycleStage.class, true)
          .field("tags", "tags", FieldType.TAGS, false, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .field("parentId", "parent_id", FieldType.UUID_, false, true)
          .field("lastFollowUpAt", "last_follow_up_at", FieldType.INSTANT, true, true)
          .field("lastFollowUpById", "last_follow_up_by", FieldType.UUID_, false, true)
          .field("nextFollowUpAt", "next_follow_up_at", FieldType.INSTANT, true, true)
          .field("birthday", "birthday", FieldType.DATE, true, true)
          .enumField("gender", "gender", Gender.class, false)
          .field("poolId", "pool_id", FieldType.UUID_, false, true)
          .field("poolEnteredAt", "pool_entered_at", FieldType.INSTANT, true, true)
          .field("previousOwnerId", "previous_owner_id", FieldType.UUID_, false, true)
          .field("ownedSince", "owned_since", FieldType.INSTANT, true, true)
          .field("locked", "locked", FieldType.BOOLEAN, false, false)
          .field("lastWonAt", "last_won_at", FieldType.INSTANT, true, true)
          .field("wonDeals", "won_deals", FieldType.INTEGER, true, false)
          .field("lastPaymentAt", "last_payment_at", FieldType.INSTANT, true, true)
          .field("lastContractEndOn", "last_contract_end_on", FieldType.DATE, true, true)
          .field("poolReturnAt", "pool_return_at", FieldType.INSTANT, true, true)
          .field("poolReturnPoolId", "pool_return_pool_id", FieldType.UUID_, false, true)
          .enumField(
              "poolReturnCriterion",
              "pool_return_criterion",
              dev.headlesscrm.customer.domain.PoolCriterion.class,
              true)
          .ownerFields()
          .auditFields()
          .relation("parent", "parent_id", "customer", Relation.OnDelete.RESTRICT, true)
          .relation("pool", "pool_id", "customer-pool", Relation.OnDelete.RESTRICT, false)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  static final ResourceSpec CONTACTS =
      ResourceSpec.builder("contact", "contacts")
          .view(ContactView.class)
          .labels(
              "customerId",
              "所属客户",
              "name",
              "姓名",
              "gender",
              "性别",
              "birthday",
              "生日",
              "age",
              "年龄",
              "department",
              "所在部门",
              "title",
              "职务",
              "reportsToId",
              "上级主管",
              "officePhone",
              "办公电话",
              "mobile",
              "移动电话",
              "homePhone",
              "住宅电话",
              "email",
              "电子邮件",
              "imId",
              "即时通讯",
              "hobbies",
              "个人爱好",
              "notes",
              "备注信息",
              "keyDecisionMaker",
              "关键决策人",
              "custom",
              "自定义字段",
              "externalId",
              "外部编号",
              "ownerId",
              "负责员工",
              "ownerDepartmentId",
              "负责部门",
              "anonymised",
              "已匿名")
          .sensitive("homePhone", "birthday")
          .derived("age", "birthday")
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("name", "name", FieldType.STRING, true, false)
          .enumField("gender", "gender", Gender.class, false)
          .field("birthday", "birthday", FieldType.DATE, true, true)
          .field("department", "department", FieldType.STRING, true, true)
          .field("title", "title", FieldType.STRING, true, true)
          .field("email", "email", FieldType.STRING, false, true)
          .field("mobile", "mobile", FieldType.STRING, false, true)
          .field("officePhone", "office_phone", FieldType.STRING, false, true)
          .field("imId", "im_id", FieldType.STRING, false, true)
          .field("keyDecisionMaker", "key_decision_maker", FieldType.BOOLEAN, false, false)
          .field("reportsToId", "reports_to_id", FieldType.UUID_, false, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("reportsTo", "reports_to_id", "contact", Relation.OnDelete.DETACH, false)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  static final List<String> EVERY_ROLE = Roles.EVERY_GRANTABLE;

  static final List<String> CUSTOMER_FACING =
      List.of(
          Roles.SALES_MANAGER,
          Roles.SALES_REP,
          Roles.MARKETING,
          Roles.SERVICE_MANAGER,
          Roles.SERVICE_AGENT,
          Roles.INTEGRATION);

  static final ResourceSpec FOLLOW_UPS =
      ResourceSpec.builder("follow-up", "follow_ups")
          .view(FollowUpView.class)
          .dictionary("method", "follow-up-method")
          .labels(
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "leadId",
              "线索",
              "opportunityId",
              "商机",
              "contractId",
              "合同",
              "method",
              "跟进方式",
              "content",
              "跟进内容",
              "followedUpAt",
              "跟进时间",
              "location",
              "地点",
              "participantEmployeeIds",
              "参与员工",
              "participantContactIds",
              "参与联系人",
              "nextFollowUpAt",
              "下次跟进时间",
              "nextFollowUpContent",
              "下次跟进内容",
              "ownerId",
              "跟进人",
              "ownerDepartmentId",
              "跟进部门")
          .field("customerId", "customer_id", FieldType.UUID_, false, true)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("leadId", "lead_id", FieldType.UUID_, false, true)
          .field("opportunityId", "opportunity_id", FieldType.UUID_, false, true)
          .field("contractId", "contract_id", FieldType.UUID_, false, true)
          .field("method", "method", FieldType.STRING, true, false)
          .field("followedUpAt", "followed_up_at", FieldType.INSTANT, true, false)
          .field("location", "location", FieldType.STRING, false, true)
          .field("nextFollowUpAt", "next_follow_up_at", FieldType.INSTANT, true, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .relation("lead", "lead_id", "lead", Relation.OnDelete.DETACH, false)
          .relation("opportunity", "opportunity_id", "opportunity", Relation.OnDelete.DETACH, false)
          .relation("contract", "contract_id", "contract", Relation.OnDelete.DETACH, false)
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(CUSTOMER_FACING, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .grant(List.of(Roles.SALES_MANAGER), "TRANSFER")
          .build();

  static final ResourceSpec TASKS =
      ResourceSpec.builder("task", "tasks")
          .view(TaskView.class)
          .labels(
              "subject",
              "主题",
              "description",
              "描述",
              "dueAt",
              "截止时间",
              "remindAt",
              "提醒时间",
              "priority",
              "优先级",
              "status",
              "状态",
              "relatedResource",
              "相关记录类型",
              "relatedId",
              "相关记录",
              "customerId",
              "客户",
              "completedAt",
              "完成时间",
              "completedBy",
              "完成人",
              "recurrence",
              "重复",
              "recurrenceInterval",
              "重复间隔",
              "recurrenceUntil",
              "重复截止",
              "seriesId",
              "重复系列",
              "ownerId",
              "负责人",
              "ownerDepartmentId",
              "负责部门")
          .field("subject", "subject", FieldType.STRING, true, false)
          .field("dueAt", "due_at", FieldType.INSTANT, true, true)
          .field("remindAt", "remind_at", FieldType.INSTANT, true, true)
          .enumField("priority", "priority", TaskPriority.class, true)
          .enumField("status", "status", TaskStatus.class, true)
          .field("relatedResource", "related_resource", FieldType.STRING, false, true)
          .field("relatedId", "related_id", FieldType.UUID_, false, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, true)
          .field("completedAt", "completed_at", FieldType.INSTANT, true, true)
          .enumField(
              "recurrence",
              "recurrence",
              dev.headlesscrm.customer.domain.TaskRecurrence.class,
              false)
          .field("seriesId", "series_id", FieldType.UUID_, false, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(CUSTOMER_FACING, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .grant(List.of(Roles.SALES_MANAGER, Roles.SERVICE_MANAGER), "TRANSFER")
          .build();

  static final ResourceSpec CARES =
      ResourceSpec.builder("customer-care", "customer_cares")
          .view(CustomerCareView.class)
          .dictionary("kind", "care-kind")
          .labels(
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "kind",
              "关怀方式",
              "occasion",
              "关怀场合",
              "content",
              "关怀内容",
              "plannedAt",
              "计划时间",
              "doneAt",
              "完成时间",
              "cost",
              "费用",
              "marketingConflictAt",
              "冲突营销接触时间",
              "marketingConflictCampaignId",
              "冲突营销活动",
              "marketingConflictMemberId",
              "冲突营销接触",
              "ownerId",
              "负责人",
              "ownerDepartmentId",
              "负责部门")
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("marketingConflictAt", "marketing_conflict_at", FieldType.INSTANT, true, true)
          .field(
              "marketingConflictCampaignId",
              "marketing_conflict_campaign_id",
              FieldType.UUID_,
              false,
              true)
          .field("kind", "kind", FieldType.STRING, true, false)
          .enumField(
              "occasion", "occasion", dev.headlesscrm.customer.domain.CareOccasion.class, true)
          .field("plannedAt", "planned_at", FieldType.INSTANT, true, false)
          .field("doneAt", "done_at", FieldType.INSTANT, true, true)
          .field("cost", "cost", FieldType.DECIMAL, true, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .relation("marketingConflictCampaign", "marketing_conflict_campaign_id", "campaign")
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(CUSTOMER_FACING, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .grant(List.of(Roles.SALES_MANAGER), "TRANSFER")
          .build();

  static final ResourceSpec CARE_SCHEDULES =
      ResourceSpec.builder("care-schedule", "care_schedules")
          .view(CareScheduleView.class)
          .dictionary("careKind", "care-kind")
          .labels(
              "name",
              "计划名称",
              "occasion",
              "关怀场合",
              "daysBefore",
              "提前天数",
              "careKind",
              "关怀方式",
              "taskSubject",
              "待办主题",
              "active",
              "启用")
          .field("name", "name", FieldType.STRING, true, false)
          .enumField(
              "occasion", "occasion", dev.headlesscrm.customer.domain.CareOccasion.class, true)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .auditFields()
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(List.of(Roles.SALES_MANAGER), "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec CUSTOMER_POOLS =
      ResourceSpec.builder("customer-pool", "customer_pools")
          .view(CustomerPoolView.class)
          .labels(
              "name",
              "公海名称",
              "description",
              "说明",
              "active",
              "启用",
              "priority",
              "优先级",
              "memberEmployeeIds",
              "成员员工",
              "memberDepartmentIds",
              "成员部门",
              "adminIds",
              "管理员",
              "rules",
              "回收规则",
              "warnDaysBefore",
              "提前提醒天数",
              "escalateDaysBefore",
              "上报主管天数",
              "dailyClaimLimit",
              "每日领取上限",
              "ownershipCap",
              "拥有上限",
              "capCountsWon",
              "成交客户计入上限",
              "coolingOffDays",
              "冷却天数",
              "lockCap",
              "锁定上限",
              "hiddenFields",
              "隐藏字段")
          .field("name", "name", FieldType.STRING, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .field("priority", "priority", FieldType.INTEGER, true, false)
          .auditFields()
          .softDelete()
          .grant(EVERY_ROLE, "READ", "EXPORT")
          .grant(List.of(Roles.SALES_MANAGER), "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(CUSTOMERS, CONTACTS, FOLLOW_UPS, TASKS, CUSTOMER_POOLS, CARES, CARE_SCHEDULES);
  }

  public ResourceSpec customers() {
    return CUSTOMERS;
  }

  public ResourceSpec contacts() {
    return CONTACTS;
  }
}
