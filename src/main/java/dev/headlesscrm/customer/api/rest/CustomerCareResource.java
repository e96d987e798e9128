package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.CustomerCareService;
import dev.headlesscrm.customer.application.CustomerCareView;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Care records (客户关怀): the standard routes. A customer's care: {@code customerId==...}; what is
 * planned and not done: {@code doneAt=isnull=true}.
 */
@Path("/api/v1/customer-cares")
@Tag(name = "Customer care")
public class CustomerCareResource extends OwnedRecordResource<CustomerCareView> {

  @Inject CustomerCareService service;

  @Override
  protected OwnedRecordService<?, CustomerCareView, ?> service() {
    return service;
  }

  @Override
  protected Class<CustomerCareView> viewType() {
    return CustomerCareView.class;
  }
}
