package dev.headlesscrm.admin.api.rest;

import dev.headlesscrm.admin.application.MeService;
import dev.headlesscrm.admin.application.MeView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Organisation")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject MeService service;

  @GET
  @Operation(
      operationId = "getMe",
      description =
          "The calling principal: the employee (or the service account of an integration), department, roles, data scope and the function permissions in force. Apps call it once after sign-in.",
      summary = "Who the caller is: employee or service account, roles, department")
  public MeView me() {
    return service.me();
  }
}
