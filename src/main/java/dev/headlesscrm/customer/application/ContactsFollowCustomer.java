package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.records.FollowingRecords;
import dev.headlesscrm.platform.records.TransferParticipant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** {@code carry: ["contacts"]}: a customer's live contacts move to its new owner with it. */
@ApplicationScoped
public class ContactsFollowCustomer {

  @Produces
  TransferParticipant contacts(ContactService contacts) {
    return new FollowingRecords(CustomerService.RESOURCE, "contacts", contacts, "customerId");
  }
}
