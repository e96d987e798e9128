package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.AgentProfileService;
import dev.headlesscrm.support.application.AgentProfileView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agent profiles: the standard routes. */
@Path("/api/v1/agent-profiles")
@Tag(name = "Agent profiles")
public class AgentProfileResource extends RecordResource<AgentProfileView> {

  @Inject AgentProfileService service;

  @Override
  protected RecordService<?, AgentProfileView, ?> service() {
    return service;
  }

  @Override
  protected Class<AgentProfileView> viewType() {
    return AgentProfileView.class;
  }
}
