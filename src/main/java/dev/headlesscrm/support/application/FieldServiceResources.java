package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import dev.headlesscrm.support.domain.PackingDirection;
import dev.headlesscrm.support.domain.PackingListStatus;
import dev.headlesscrm.support.domain.RepairStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Field service's resources, declared once: repairs (产品维修) and packing lists (装箱单). */
@ApplicationScoped
public class FieldServiceResources implements ResourceDeclarations, ConstraintProblems {

  /** Who repairs and ships parts (the integration syncs them with the ERP). */
  static final List<String> FIELD_SERVICE =
      List.of(Roles.SERVICE_MANAGER, Roles.SERVICE_AGENT, Roles.INTEGRATION);

  static final ResourceSpec REPAIRS =
      ResourceSpec.builder("repair", "repairs")
          .view(RepairView.class)
          .labels(
              "number",
              "编号",
              "serviceRequestId",
              "服务请求",
              "customerId",
              "客户",
              "goodsId",
              "商品",
              "fault",
              "故障",
              "diagnosis",
              "诊断",
              "resolution",
              "处理结果",
              "technicianId",
              "技术员",
              "scheduledStart",
              "预约上门时间",
              "scheduledEnd",
              "预约结束时间",
              "visitAddress",
              "上门地址",
              "inWarranty",
              "保修期内",
              "currency",
              "币种",
              "parts",
              "配件",
              "labourHours",
              "工时",
              "labourRate",
              "工时单价",
              "partsTotal",
              "配件费",
              "labourTotal",
              "工时费",
              "total",
              "总费用",
              "chargeable",
              "应收费用",
              "status",
              "状态",
              "ownerId",
              "负责人",
              "ownerDepartmentId",
              "负责部门")
          .field("number", "number", FieldType.STRING, true, false)
          .field("serviceRequestId", "service_request_id", FieldType.UUID_, false, false)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("goodsId", "goods_id", FieldType.UUID_, false, true)
          .field("technicianId", "technician_id", FieldType.UUID_, false, true)
          .field("scheduledStart", "scheduled_start", FieldType.INSTANT, true, true)
          .field("scheduledEnd", "scheduled_end", FieldType.INSTANT, true, true)
          .field("inWarranty", "in_warranty", FieldType.BOOLEAN, false, false)
          .field("currency", "currency", FieldType.STRING, false, false)
          .field("total", "total", FieldType.DECIMAL, true, false)
          .field("chargeable", "chargeable", FieldType.DECIMAL, false, false)
          .enumField("status", "status", RepairStatus.class, true)
          .field("completedAt", "completed_at", FieldType.INSTANT, true, true)
          .ownerFields()
          .auditFields()
          .relation(
              "serviceRequest",
              "service_request_id",
              "service-request",
              Relation.OnDelete.NONE,
              false)
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .relation("goods", "goods_id", "goods", Relation.OnDelete.DETACH, false)
          .relation("technician", "technician_id", "employee")
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(FIELD_SERVICE, "CREATE", "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER, Roles.SERVICE_AGENT), "TRANSFER")
          .grant(List.of(Roles.SERVICE_MANAGER), "DELETE", "RESTORE")
          .build();

  static final ResourceSpec PACKING_LISTS =
      ResourceSpec.builder("packing-list", "packing_lists")
          .view(PackingListView.class)
          .labels(
              "number",
              "编号",
              "direction",
              "方向",
              "repairId",
              "产品维修",
              "orderId",
              "销售订单",
              "customerId",
              "客户",
              "shipFromAddress",
              "发货地址",
              "shipToAddress",
              "收货地址",
              "carrier",
              "承运商",
              "trackingNumber",
              "运单号",
              "lines",
              "明细",
              "status",
              "状态",
              "notes",
              "备注")
          .field("number", "number", FieldType.STRING, true, false)
          .enumField("direction", "direction", PackingDirection.class, false)
          .field("repairId", "repair_id", FieldType.UUID_, false, true)
          .field("orderId", "order_id", FieldType.UUID_, false, true)
          .field("customerId", "customer_id", FieldType.UUID_, false, false)
          .field("carrier", "carrier", FieldType.STRING, false, true)
          .field("trackingNumber", "tracking_number", FieldType.STRING, false, true)
          .enumField("status", "status", PackingListStatus.class, true)
          .field("shippedAt", "shipped_at", FieldType.INSTANT, true, true)
          .auditFields()
          .relation("repair", "repair_id", "repair", Relation.OnDelete.NONE, false)
          .relation("order", "order_id", "sales-order", Relation.OnDelete.NONE, false)
          .relation("customer", "customer_id", "customer", Relation.OnDelete.NONE, true)
          .softDelete()
          .grant(Roles.EVERY_GRANTABLE, "READ", "EXPORT")
          .grant(FIELD_SERVICE, "CREATE", "UPDATE")
          .grant(List.of(Roles.SERVICE_MANAGER), "DELETE", "RESTORE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(REPAIRS, PACKING_LISTS);
  }

  /** Their unique constraints (the numbers) say their field. */
  @Override
  public Map<String, Meaning> constraints() {
    return Map.of();
  }
}
