package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What the customer context's database constraints mean to a client. */
@ApplicationScoped
public class CustomerConstraints implements ConstraintProblems {

  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "customers_number_key",
        Meaning.duplicate("number", Text.of("This customer number is taken.", "客户编号已被使用。")),
        "customers_external_id_key",
        Meaning.duplicate(
            "externalId", Text.of("Another customer has this external id.", "已有其他客户使用该外部 id。")),
        "contacts_external_id_key",
        Meaning.duplicate(
            "externalId", Text.of("Another contact has this external id.", "已有其他联系人使用该外部 id。")),
        "customers_credit_limit_check",
        Meaning.invalidReference(
            "creditLimit", Text.of("The credit limit cannot be negative.", "信用额度不能为负数。")),
        "contacts_customer_id_fkey",
        Meaning.inUse(
            Text.of(
                "The customer still has contacts; erase or move them first.",
                "该客户仍有联系人，请先删除或转移联系人。")));
  }
}
