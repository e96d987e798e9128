package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.CareScheduleService;
import dev.headlesscrm.customer.application.CareScheduleView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Care schedules (关怀计划): the standard routes; read by everyone, set by sales managers. */
@Path("/api/v1/care-schedules")
@Tag(name = "Customer care")
public class CareScheduleResource extends RecordResource<CareScheduleView> {

  @Inject CareScheduleService service;

  @Override
  protected RecordService<?, CareScheduleView, ?> service() {
    return service;
  }

  @Override
  protected Class<CareScheduleView> viewType() {
    return CareScheduleView.class;
  }
}
