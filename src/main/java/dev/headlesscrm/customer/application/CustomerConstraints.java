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
