package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Contacts (联系人): the standard routes. Filter by customer with {@code customerId==...}. */
@Path("/api/v1/contacts")
@Tag(name = "Contacts")
public class ContactResource extends OwnedRecordResource<ContactView> {

  @Inject ContactService service;

  @Override
  protected OwnedRecordService<?, ContactView, ?> service() {
    return service;
  }

  @Override
  protected Class<ContactView> viewType() {
    return ContactView.class;
  }
}
