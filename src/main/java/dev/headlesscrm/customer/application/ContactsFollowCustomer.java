package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** {@code carry: ["contacts"]}: a customer's live contacts move to its new owner with it. */
@ApplicationScoped
public class ContactsFollowCustomer implements TransferParticipant {

  @Inject ContactService contacts;

  @Override
  public String resource() {
    return CustomerService.RESOURCE;
  }

  @Override
  public String carries() {
    return "contacts";
  }

  @Override
  public void carry(UUID customerId, Transfer transfer) {
    contacts.followCustomer(customerId, transfer);
  }
}
