package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import dev.headlesscrm.support.domain.ComplaintSeverity;
import dev.headlesscrm.support.domain.DefectSeverity;
import dev.headlesscrm.support.domain.DefectStatus;
import dev.headlesscrm.support.domain.EntitlementConsumption;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.GoodsStatus;
import dev.headlesscrm.support.domain.MilestoneStatus;
import dev.headlesscrm.support.domain.ProjectKind;
import dev.headlesscrm.support.domain.ProjectStatus;
import dev.headlesscrm.support.domain.ServicePriority;
import dev.headlesscrm.support.domain.ServiceRequestStatus;
import dev.headlesscrm.support.domain.ServiceRequestType;
import dev.headlesscrm.support.domain.SlaTimerState;
import dev.headlesscrm.support.domain.SurveyKind;
import dev.headlesscrm.support.domain.SurveyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Service's resources, declared once: business calendars, SLA policies, goods, service requests.
 */
@ApplicationScoped
public class SupportResources implements ResourceDeclarations, ConstraintProblems {

  /** Who sets up service levels. */
  static final List<String> SERVICE_MANAGERS = List.of(Roles.SERVICE_MANAGER);

  /** Who takes and works requests (a rep logs one for a customer; the integration syncs them). */
  static final List<String> SERVICE_DESK =
      List.of(
          Roles.SERVICE_MANAGER,
          Roles.SERVICE_AGENT,
          Roles.SALES_MANAGER,
          Roles.SALES_REP,
          Roles.INTEGRATION);

  static final ResourceSpec CALENDARS =
      ResourceSpec.builder("business-calendar", "business_calendars")
          .view(BusinessCalendarView.class)
          .labels("name", "名称", "timeZone", "时区", "description", "说明")
          .field("name", "name", FieldType.STRING, true, false)
          .field("timeZone", "time_zone", FieldType.STRING, false, false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_MANAGERS, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec POLICIES =
      ResourceSpec.builder("sla-policy", "sla_policies")
          .view(SlaPolicyView.class)
          .labels(
              "name",
              "名称",
              "rank",
              "顺序",
              "active",
              "启用",
              "calendarId",
              "工作日历",
              "firstResponseMinutes",
              "首次响应时限(分钟)",
              "nextResponseMinutes",
              "后续响应时限(分钟)",
              "resolutionMinutes",
              "解决时限(分钟)",
              "warningPercent",
              "预警比例(%)")
          .field("name", "name", FieldType.STRING, true, false)
          .field("rank", "rank", FieldType.INTEGER, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .field("calendarId", "calendar_id", FieldType.UUID_, false, false)
          .field("firstResponseMinutes", "first_response_minutes", FieldType.INTEGER, true, true)
          .field("resolutionMinutes", "resolution_minutes", FieldType.INTEGER, true, true)
          .relation(
              "calendar", "calendar_id", "business-calendar", Relation.OnDelete.RESTRICT, false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_MANAGERS, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec GOODS =
      ResourceSpec.builder("goods", "goods")
          .view(GoodsView.class)
          .labels(
              "productId",
              "产品",
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "serialNumber",
              "序列号",
              "quantity",
              "数量",
              "orderId",
              "销售订单",
              "deliveredOn",
              "交付日期",
              "installedOn",
              "安装日期",
              "installAddress",
              "安装地址",
              "warrantyEndsOn",
              "保修截止",
              "status",
              "状态",
              "note",
              "备注")
          .field("productId", "product_id", FieldType.UUID_, false, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("serialNumber", "serial_number", FieldType.STRING, true, true)
          .field("orderId", "order_id", FieldType.UUID_, false, true)
          .field("deliveredOn", "delivered_on", FieldType.DATE, true, true)
          .field("installedOn", "installed_on", FieldType.DATE, true, true)
          .field("warrantyEndsOn", "warranty_ends_on", FieldType.DATE, true, true)
          .enumField("status", "status", GoodsStatus.class, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .auditFields()
          .relation("product", "product_id", "product")
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .relation("order", "order_id", "sales-order")
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_DESK, "CREATE", "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER, Roles.SALES_MANAGER), "DELETE", "RESTORE")
          .build();

  static final ResourceSpec AGENTS =
      ResourceSpec.builder("agent-profile", "agent_profiles")
          .view(AgentProfileView.class)
          .labels("employeeId", "员工", "available", "可接单", "capacity", "容量", "calendarId", "工作日历")
          .field("employeeId", "employee_id", FieldType.UUID_, false, false)
          .field("available", "available", FieldType.BOOLEAN, false, false)
          .field("capacity", "capacity", FieldType.INTEGER, true, false)
          .field("calendarId", "calendar_id", FieldType.UUID_, false, true)
          .relation("employee", "employee_id", "employee")
          .relation(
              "calendar", "calendar_id", "business-calendar", Relation.OnDelete.RESTRICT, false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_MANAGERS, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec QUEUES =
      ResourceSpec.builder("service-queue", "service_queues")
          .view(ServiceQueueView.class)
          .labels(
              "name",
              "名称",
              "rank",
              "顺序",
              "active",
              "启用",
              "departmentId",
              "部门",
              "overflowQueueId",
              "溢出队列")
          .field("name", "name", FieldType.STRING, true, false)
          .field("rank", "rank", FieldType.INTEGER, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .field("departmentId", "department_id", FieldType.UUID_, false, true)
          .field("overflowQueueId", "overflow_queue_id", FieldType.UUID_, false, true)
          .relation("department", "department_id", "department")
          .relation(
              "overflowQueue",
              "overflow_queue_id",
              "service-queue",
              Relation.OnDelete.RESTRICT,
              false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_MANAGERS, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec DEFECTS =
      ResourceSpec.builder("product-defect", "product_defects")
          .view(ProductDefectView.class)
          .labels(
              "number",
              "编号",
              "productId",
              "产品",
              "productVersion",
              "版本",
              "title",
              "标题",
              "severity",
              "严重程度",
              "status",
              "状态",
              "fixedInVersion",
              "修复版本",
              "occurrenceCount",
              "发生次数")
          .field("number", "number", FieldType.STRING, true, false)
          .field("productId", "product_id", FieldType.UUID_, false, false)
          .field("productVersion", "product_version", FieldType.STRING, true, true)
          .field("title", "title", FieldType.STRING, true, false)
          .enumField("severity", "severity", DefectSeverity.class, true)
          .enumField("status", "status", DefectStatus.class, true)
          .field("fixedInVersion", "fixed_in_version", FieldType.STRING, false, true)
          .field("occurrenceCount", "occurrence_count", FieldType.INTEGER, true, false)
          .relation("product", "product_id", "product")
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(
              List.of(Roles.SERVICE_MANAGER, Roles.SERVICE_AGENT, Roles.INTEGRATION),
              "CREATE",
              "UPDATE")
          .grant(SERVICE_MANAGERS, "DELETE", "RESTORE")
          .build();

  static final ResourceSpec SURVEYS =
      ResourceSpec.builder("satisfaction-survey", "satisfaction_surveys")
          .view(SatisfactionSurveyView.class)
          .labels(
              "kind",
              "类型",
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "requestId",
              "服务请求",
              "orderId",
              "销售订单",
              "status",
              "状态",
              "score",
              "满意度",
              "nps",
              "推荐度",
              "comment",
              "意见",
              "answeredAt",
              "回答时间")
          .enumField("kind", "kind", SurveyKind.class, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("requestId", "request_id", FieldType.UUID_, false, true)
          .field("orderId", "order_id", FieldType.UUID_, false, true)
          .enumField("status", "status", SurveyStatus.class, true)
          .field("score", "score", FieldType.INTEGER, true, true)
          .field("nps", "nps", FieldType.INTEGER, true, true)
          .field("answeredAt", "answered_at", FieldType.INSTANT, true, true)
          .relation("customer", "customer_id", "customer", Relation.OnDelete.CASCADE, true)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .relation("request", "request_id", "service-request", Relation.OnDelete.DETACH, false)
          .relation("order", "order_id", "sales-order", Relation.OnDelete.DETACH, false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_DESK, "CREATE", "UPDATE")
          .grant(SERVICE_MANAGERS, "DELETE", "RESTORE")
          .build();

  static final ResourceSpec CONTRACTS =
      ResourceSpec.builder("service-contract", "service_contracts")
          .view(ServiceContractView.class)
          .dictionary("serviceLevel", "service-level")
          .labels(
              "number",
              "编号",
              "name",
              "名称",
              "customerId",
              "客户",
              "salesContractId",
              "销售合同",
              "serviceLevel",
              "服务级别",
              "startsOn",
              "开始日期",
              "endsOn",
              "结束日期",
              "active",
              "启用",
              "consumeOn",
              "扣减时点",
              "blockWhenExhausted",
              "用完即停",
              "note",
              "备注")
          .field("number", "number", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("salesContractId", "sales_contract_id", FieldType.UUID_, false, true)
          .field("serviceLevel", "service_level", FieldType.STRING, true, false)
          .field("startsOn", "starts_on", FieldType.DATE, true, false)
          .field("endsOn", "ends_on", FieldType.DATE, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .enumField("consumeOn", "consume_on", EntitlementConsumption.class, false)
          .field("blockWhenExhausted", "block_when_exhausted", FieldType.BOOLEAN, false, false)
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.RESTRICT, true)
          .relation(
              "salesContract", "sales_contract_id", "contract", Relation.OnDelete.DETACH, false)
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(
              List.of(Roles.SERVICE_MANAGER, Roles.SALES_MANAGER, Roles.INTEGRATION),
              "CREATE",
              "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER, Roles.SALES_MANAGER), "DELETE", "RESTORE")
          .build();

  static final ResourceSpec REQUESTS =
      ResourceSpec.builder("service-request", "service_requests")
          .view(ServiceRequestView.class)
          .dictionary("channel", "service-channel")
          .dictionary("category", "service-category")
          .labels(
              "number",
              "编号",
              "customerId",
              "客户",
              "contactId",
              "联系人",
              "channel",
              "渠道",
              "type",
              "类型",
              "category",
              "类别",
              "priority",
              "优先级",
              "subject",
              "主题",
              "description",
              "描述",
              "status",
              "状态",
              "severity",
              "严重程度",
              "escalationLevel",
              "升级次数",
              "slaState",
              "SLA 状态",
              "responseDueAt",
              "响应期限",
              "resolutionDueAt",
              "解决期限",
              "firstRespondedAt",
              "首次响应时间",
              "resolvedAt",
              "解决时间",
              "closedAt",
              "关闭时间",
              "resolution",
              "解决方案",
              "ownerId",
              "处理人",
              "ownerDepartmentId",
              "处理部门")
          .field("number", "number", FieldType.STRING, true, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contactId", "contact_id", FieldType.UUID_, false, true)
          .field("goodsId", "goods_id", FieldType.UUID_, false, true)
          .field("queueId", "queue_id", FieldType.UUID_, false, true)
          .field("defectId", "defect_id", FieldType.UUID_, false, true)
          .field("underWarranty", "under_warranty", FieldType.BOOLEAN, false, true)
          .enumField("entitledBy", "entitled_by", EntitlementSource.class, false)
          .field("serviceContractId", "service_contract_id", FieldType.UUID_, false, true)
          .field("salesContractId", "sales_contract_id", FieldType.UUID_, false, true)
          .field("workedHours", "worked_hours", FieldType.DECIMAL, true, true)
          .field("channel", "channel", FieldType.STRING, false, false)
          .enumField("type", "type", ServiceRequestType.class, false)
          .field("category", "category", FieldType.STRING, false, true)
          .enumField("priority", "priority", ServicePriority.class, true)
          .field("subject", "subject", FieldType.STRING, true, false)
          .enumField("status", "status", ServiceRequestStatus.class, true)
          .enumField("severity", "severity", ComplaintSeverity.class, true)
          .field("escalationLevel", "escalation_level", FieldType.INTEGER, true, false)
          .field("slaPolicyId", "sla_policy_id", FieldType.UUID_, false, true)
          .enumField("slaState", "sla_state", SlaTimerState.class, true)
          .field("responseDueAt", "response_due_at", FieldType.INSTANT, true, true)
          .field("resolutionDueAt", "resolution_due_at", FieldType.INSTANT, true, true)
          .field("firstRespondedAt", "first_responded_at", FieldType.INSTANT, true, true)
          .field("resolvedAt", "resolved_at", FieldType.INSTANT, true, true)
          .field("closedAt", "closed_at", FieldType.INSTANT, true, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("contact", "contact_id", "contact", Relation.OnDelete.DETACH, false)
          .relation("slaPolicy", "sla_policy_id", "sla-policy")
          .relation("goods", "goods_id", "goods", Relation.OnDelete.DETACH, false)
          .relation("queue", "queue_id", "service-queue", Relation.OnDelete.DETACH, false)
          .relation("defect", "defect_id", "product-defect", Relation.OnDelete.DETACH, false)
          .relation(
              "serviceContract",
              "service_contract_id",
              "service-contract",
              Relation.OnDelete.RESTRICT,
              false)
          .relation(
              "salesContract", "sales_contract_id", "contract", Relation.OnDelete.DETACH, false)
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(SERVICE_DESK, "CREATE", "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER, Roles.SERVICE_AGENT), "TRANSFER")
          .grant(List.of(Roles.SERVICE_MANAGER), "DELETE", "RESTORE")
          .build();

  /** Who runs projects and logs hours on them. */
  static final List<String> PROJECT_TEAM =
      List.of(
          Roles.SERVICE_MANAGER,
          Roles.SERVICE_AGENT,
          Roles.SALES_MANAGER,
          Roles.SALES_REP,
          Roles.INTEGRATION);

  static final ResourceSpec PROJECTS =
      ResourceSpec.builder("service-project", "service_projects")
          .view(ServiceProjectView.class)
          .labels(
              "number",
              "编号",
              "name",
              "项目名称",
              "kind",
              "项目类型",
              "customerId",
              "客户",
              "contractId",
              "销售合同",
              "orderId",
              "销售订单",
              "description",
              "说明",
              "plannedStart",
              "计划开始",
              "plannedEnd",
              "计划完成",
              "budgetHours",
              "预算工时",
              "loggedHours",
              "已登记工时",
              "billableHours",
              "可计费工时",
              "overBudget",
              "超出预算",
              "milestoneCount",
              "里程碑数",
              "reachedMilestoneCount",
              "已达成里程碑数",
              "progress",
              "进度(%)",
              "status",
              "状态",
              "startedAt",
              "开始时间",
              "completedAt",
              "完成时间",
              "cancelledAt",
              "取消时间",
              "ownerId",
              "项目经理",
              "ownerDepartmentId",
              "负责部门")
          .field("number", "number", FieldType.STRING, true, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .field("name", "name", FieldType.STRING, true, false)
          .enumField("kind", "kind", ProjectKind.class, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("contractId", "contract_id", FieldType.UUID_, false, true)
          .field("orderId", "order_id", FieldType.UUID_, false, true)
          .field("plannedStart", "planned_start", FieldType.DATE, true, true)
          .field("plannedEnd", "planned_end", FieldType.DATE, true, true)
          .field("budgetHours", "budget_hours", FieldType.DECIMAL, true, true)
          .field("loggedHours", "logged_hours", FieldType.DECIMAL, true, false)
          .field("overBudget", "over_budget", FieldType.BOOLEAN, false, false)
          .field("progress", "progress", FieldType.INTEGER, true, false)
          .enumField("status", "status", ProjectStatus.class, true)
          .field("startedAt", "started_at", FieldType.INSTANT, true, true)
          .field("completedAt", "completed_at", FieldType.INSTANT, true, true)
          .ownerFields()
          .auditFields()
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("contract", "contract_id", "contract", Relation.OnDelete.DETACH, false)
          .relation("order", "order_id", "sales-order", Relation.OnDelete.DETACH, false)
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(PROJECT_TEAM, "CREATE", "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER, Roles.SALES_MANAGER), "TRANSFER")
          .grant(SERVICE_MANAGERS, "DELETE", "RESTORE")
          .build();

  static final ResourceSpec MILESTONES =
      ResourceSpec.builder("project-milestone", "project_milestones")
          .view(ProjectMilestoneView.class)
          .labels(
              "projectId",
              "项目",
              "name",
              "名称",
              "description",
              "说明",
              "dueOn",
              "计划日期",
              "status",
              "状态",
              "reachedAt",
              "达成时间",
              "reachedBy",
              "确认人")
          .field("projectId", "project_id", FieldType.UUID_, false, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("dueOn", "due_on", FieldType.DATE, true, true)
          .enumField("status", "status", MilestoneStatus.class, true)
          .field("reachedAt", "reached_at", FieldType.INSTANT, true, true)
          .relation("project", "project_id", "service-project", Relation.OnDelete.CASCADE, false)
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(PROJECT_TEAM, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  static final ResourceSpec TIME_ENTRIES =
      ResourceSpec.builder("time-entry", "time_entries")
          .view(TimeEntryView.class)
          .labels(
              "projectId",
              "项目",
              "milestoneId",
              "里程碑",
              "taskId",
              "任务",
              "employeeId",
              "员工",
              "workDate",
              "工作日期",
              "hours",
              "工时",
              "billable",
              "可计费",
              "description",
              "工作内容")
          .field("projectId", "project_id", FieldType.UUID_, false, false)
          .field("milestoneId", "milestone_id", FieldType.UUID_, false, true)
          .field("taskId", "task_id", FieldType.UUID_, false, true)
          .field("employeeId", "employee_id", FieldType.UUID_, false, false)
          .field("workDate", "work_date", FieldType.DATE, true, false)
          .field("hours", "hours", FieldType.DECIMAL, true, false)
          .field("billable", "billable", FieldType.BOOLEAN, false, false)
          .relation("project", "project_id", "service-project", Relation.OnDelete.CASCADE, false)
          .relation("milestone", "milestone_id", "project-milestone")
          .relation("task", "task_id", "task")
          .relation("employee", "employee_id", "employee")
          .auditFields()
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(PROJECT_TEAM, "CREATE", "UPDATE", "DELETE", "RESTORE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(
        CALENDARS,
        POLICIES,
        GOODS,
        AGENTS,
        QUEUES,
        DEFECTS,
        CONTRACTS,
        REQUESTS,
        SURVEYS,
        PROJECTS,
        MILESTONES,
        TIME_ENTRIES);
  }

  /** The constraints whose names do not say their field (the others are derived). */
  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "goods_serial_key",
        Meaning.duplicate(
            "serialNumber",
            Text.of(
                "Live goods of this product have this serial number already.", "该产品已有相同序列号的商品。")),
        "agent_profiles_employee_key",
        Meaning.duplicate(
            "employeeId", Text.of("This employee has an agent profile already.", "该员工已有话务员档案。")));
  }
}
