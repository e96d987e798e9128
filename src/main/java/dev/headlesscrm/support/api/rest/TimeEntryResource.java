package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.TimeEntryService;
import dev.headlesscrm.support.application.TimeEntryView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Time entries (工时) of service projects: the standard routes. */
@Path("/api/v1/time-entries")
@Tag(name = "Time entries")
public class TimeEntryResource extends RecordResource<TimeEntryView> {

  @Inject TimeEntryService service;

  @Override
  protected RecordService<?, TimeEntryView, ?> service() {
    return service;
  }

  @Override
  protected Class<TimeEntryView> viewType() {
    return TimeEntryView.class;
  }
}
