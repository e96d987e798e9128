package dev.headlesscrm.customer.application;

import java.util.UUID;

/**
 * A customer created by another context (a converted lead, later an import or a web form): the
 * typed command they use instead of JSON built with this context's field names. Everything else
 * takes the defaults of a create.
 */
public record NewCustomer(
    String name,
    String mainPhone,
    String email,
    String officeAddress,
    String industry,
    String source,
    UUID ownerId) {

  CustomerInput input() {
    return new CustomerInput(
        null,
        null,
        name,
        officeAddress,
        mainPhone,
        null,
        email,
        null,
        industry,
        null,
        null,
        null,
        source,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
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
