package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.ServiceQueueService;
import dev.headlesscrm.support.application.ServiceQueueView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service queues: the standard routes. */
@Path("/api/v1/service-queues")
@Tag(name = "Service queues")
public class ServiceQueueResource extends RecordResource<ServiceQueueView> {

  @Inject ServiceQueueService service;

  @Override
  protected RecordService<?, ServiceQueueView, ?> service() {
    return service;
  }

  @Override
  protected Class<ServiceQueueView> viewType() {
    return ServiceQueueView.class;
  }
}
