package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.SlaPolicyService;
import dev.headlesscrm.support.application.SlaPolicyView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SLA policies (服务级别): the standard routes. */
@Path("/api/v1/sla-policies")
@Tag(name = "SLA policies")
public class SlaPolicyResource extends RecordResource<SlaPolicyView> {

  @Inject SlaPolicyService service;

  @Override
  protected RecordService<?, SlaPolicyView, ?> service() {
    return service;
  }

  @Override
  protected Class<SlaPolicyView> viewType() {
    return SlaPolicyView.class;
  }
}
