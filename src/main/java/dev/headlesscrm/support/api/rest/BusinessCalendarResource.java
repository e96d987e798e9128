package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.BusinessCalendarService;
import dev.headlesscrm.support.application.BusinessCalendarView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Business calendars (工作日历): the standard routes. */
@Path("/api/v1/business-calendars")
@Tag(name = "Business calendars")
public class BusinessCalendarResource extends RecordResource<BusinessCalendarView> {

  @Inject BusinessCalendarService service;

  @Override
  protected RecordService<?, BusinessCalendarView, ?> service() {
    return service;
  }

  @Override
  protected Class<BusinessCalendarView> viewType() {
    return BusinessCalendarView.class;
  }
}
