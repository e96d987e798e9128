package dev.headlesscrm.sales.receivable.application;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.sales.receivable.domain.PaymentMethod;
import dev.headlesscrm.sales.receivable.domain.PaymentPlanStatus;
import dev.headlesscrm.sales.receivable.domain.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What lists may filter and sort payment plans and payments by, declared once. */
@ApplicationScoped
public class ReceivableResources implements ResourceDeclarations {

  static final ResourceSpec PAYMENT_PLANS =
      ResourceSpec.builder("payment-plan", "payment_plans")
          .view(PaymentPlanView.class)
          .field("contractId", "contract_id", FieldType.UUID_, false, false)
          .field("period", "period", FieldType.INTEGER, true, false)
          .field("dueDate", "due_date", FieldType.DATE, true, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .field("receivedAmount", "received_amount", FieldType.DECIMAL, true, false)
          .enumField("status", "status", PaymentPlanStatus.class, true)
          .ownerFields()
          .auditFields()
          .relation("contract", "contract_id", "contract")
          .softDelete()
          .build();

  static final ResourceSpec PAYMENTS =
      ResourceSpec.builder("payment", "payments")
          .view(PaymentView.class)
          .field("number", "number", FieldType.STRING, true, false)
          .field("contractId", "contract_id", FieldType.UUID_, false, false)
          .field("planId", "plan_id", FieldType.UUID_, false, true)
          .field("paidOn", "paid_on", FieldType.DATE, true, false)
          .field("amount", "amount", FieldType.DECIMAL, true, false)
          .enumField("method", "method", PaymentMethod.class, true)
          .enumField("status", "status", PaymentStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .relation("contract", "contract_id", "contract")
          .relation("plan", "plan_id", "payment-plan")
          .softDelete()
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(PAYMENT_PLANS, PAYMENTS);
  }
}
