package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.sales.performance.domain.CommissionBasis;
import dev.headlesscrm.sales.performance.domain.CommissionKind;
import dev.headlesscrm.sales.performance.domain.CommissionStatus;
import dev.headlesscrm.sales.performance.domain.SalesTargetMetric;
import dev.headlesscrm.sales.performance.domain.TargetPeriodKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists may filter and sort commission rules, commissions and sales targets by. */
@ApplicationScoped
public class SalesPlanResources implements ResourceDeclarations {

  static final ResourceSpec COMMISSION_RULES =
      ResourceSpec.builder("commission-rule", "commission_rules")
          .view(CommissionRuleView.class)
          .field("name", "name", FieldType.STRING, true, false)
          .enumField("basis", "basis", CommissionBasis.class, true)
          .field("employeeId", "employee_id", FieldType.UUID_, false, true)
          .field("productCategoryId", "product_category_id", FieldType.UUID_, false, true)
          .field("rate", "rate", FieldType.DECIMAL, true, false)
          .field("priority", "priority", FieldType.INTEGER, true, false)
          .field("active", "active", FieldType.BOOLEAN, false, false)
          .auditFields()
          .relation("employee", "employee_id", "employee")
          .softDelete()
          .build();

  static final ResourceSpec COMMISSIONS =
      ResourceSpec.builder("commission", "commissions")
          .view(CommissionView.class)
          .field("period", "period", FieldType.STRING, true, false)
          .enumField("basis", "basis", CommissionBasis.class, true)
          .enumField("kind", "kind", CommissionKind.class, true)
          .field("sourceResource", "source_resource", FieldType.STRING, false, false)
          .field("sourceId", "source_id", FieldType.UUID_, false, false)
          .field("sourceNumber", "source_number", FieldType.STRING, true, true)
          .field("contractId", "contract_id", FieldType.UUID_, false, false)
          .field("ruleId", "rule_id", FieldType.UUID_, false, false)
          .field("productCategoryId", "product_category_id", FieldType.UUID_, false, true)
          .field("basisAmount", "basis_amount", FieldType.DECIMAL, true, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .enumField("status", "status", CommissionStatus.class, true)
          .field("approvedAt", "approved_at", FieldType.INSTANT, true, true)
          .field("paidAt", "paid_at", FieldType.INSTANT, true, true)
          .field("ownerId", "owner_id", FieldType.UUID_, false, false)
          .field("ownerDepartmentId", "owner_department_id", FieldType.UUID_, false, true)
          .auditFields()
          .relation("owner", "owner_id", "employee")
          .relation("ownerDepartment", "owner_department_id", "department")
          .relation("contract", "contract_id", "contract")
          .relation("rule", "rule_id", "commission-rule")
          .softDelete()
          .build();

  static final ResourceSpec SALES_TARGETS =
      ResourceSpec.builder("sales-target", "sales_targets")
          .view(SalesTargetView.class)
          .field("employeeId", "employee_id", FieldType.UUID_, false, true)
          .field("departmentId", "department_id", FieldType.UUID_, false, true)
          .enumField("periodKind", "period_kind", TargetPeriodKind.class, true)
          .field("period", "period", FieldType.STRING, true, false)
          .enumField("metric", "metric", SalesTargetMetric.class, true)
          .field("target", "target", FieldType.DECIMAL, true, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .auditFields()
          .relation("employee", "employee_id", "employee")
          .relation("department", "department_id", "department")
          .softDelete()
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(COMMISSION_RULES, COMMISSIONS, SALES_TARGETS);
  }
}
