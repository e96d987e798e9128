package dev.headlesscrm.sales.shared.application;

import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The references sales records make to customers and contacts, checked one way: the record must
 * exist and be visible to the caller, and belong to the document's customer; a reference the caller
 * cannot see is a 422 on its field, like one that does not exist.
 */
@ApplicationScoped
public class SalesReferences {

  @Inject CustomerService customers;
  @Inject ContactService contacts;

  public void customer(UUID customerId, String field) {
    if (customerId == null || customers.getAll(List.of(customerId)).isEmpty()) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such customer.", "客户不存在。"));
    }
  }

  public void contactOf(UUID contactId, UUID customerId, String field) {
    if (contactId == null) {
      return;
    }
    ContactView contact = contacts.getAll(List.of(contactId)).get(contactId);
    if (contact == null || !contact.customerId().equals(customerId)) {
      throw CrmException.invalidField(
          field, "not-of-customer", Text.of("Not a contact of this customer.", "不是该客户的联系人。"));
    }
  }
}
