package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.CustomerCare;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Care records (客户关怀): for a customer the caller sees, or one of its contacts. */
@ApplicationScoped
public class CustomerCareService
    extends OwnedRecordService<CustomerCare, CustomerCareView, CustomerCareInput> {

  static final String RESOURCE = "customer-care";

  @Inject DictionaryService dictionaryCheck;

  static final RecordDefinition<CustomerCare, CustomerCareView, CustomerCareInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CARES,
              CustomerCare.class,
              CustomerCareView.class,
              CustomerCareInput.class)
          .own("plannedAt", "cost")
          .build();

  @Override
  protected RecordDefinition<CustomerCare, CustomerCareView, CustomerCareInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CustomerCareInput in, CustomerCare c, boolean creating) {
    dictionaryCheck.requireActive(spec().dictionaries(), Map.of("kind", in.kind()));
    Customer customer = em.find(Customer.class, in.customerId());
    if (customer == null || customer.isDeleted() || !dataScope.sees("customer", customer)) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (in.contactId() != null) {
      Contact contact = em.find(Contact.class, in.contactId());
      if (contact == null || contact.isDeleted() || !contact.customerId.equals(in.customerId())) {
        throw CrmException.invalidField(
            "contactId",
            "not-found",
            Text.of("The contact must be one of the customer's.", "联系人必须属于该客户。"));
      }
    }
    copy(in, c);
    c.plannedAt = in.plannedAt() != null ? in.plannedAt() : creating ? now() : c.plannedAt;
    c.cost = in.cost() == null ? null : in.cost().setScale(2);
    assignOwner(c, in.ownerId(), creating);
  }
}
