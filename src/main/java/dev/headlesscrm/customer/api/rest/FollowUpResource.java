package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.FollowUpService;
import dev.headlesscrm.customer.application.FollowUpView;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Follow-up records (跟进记录): the standard routes. A customer's follow-ups: {@code customerId==...};
 * due ones: {@code nextFollowUpAt=le=...}.
 */
@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups")
public class FollowUpResource extends OwnedRecordResource<FollowUpView> {

  @Inject FollowUpService service;

  @Override
  protected OwnedRecordService<?, FollowUpView, ?> service() {
    return service;
  }

  @Override
  protected Class<FollowUpView> viewType() {
    return FollowUpView.class;
  }
}
