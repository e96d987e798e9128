package dev.headlesscrm.customer.application;

import java.util.UUID;

/** A contact created by another context (a converted lead): a typed command, not field names. */
public record NewContact(
    UUID customerId,
    String name,
    String title,
    String mobile,
    String officePhone,
    String email,
    UUID ownerId) {

  ContactInput input() {
    return new ContactInput(
        customerId,
        name,
        null,
        null,
        null,
        title,
        null,
        officePhone,
        mobile,
        null,
        email,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        ownerId);
  }
}
