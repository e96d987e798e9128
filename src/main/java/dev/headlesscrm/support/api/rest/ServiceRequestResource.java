package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.support.application.RoutingDecisionView;
import dev.headlesscrm.support.application.ServiceRequestService;
import dev.headlesscrm.support.application.ServiceRequestView;
import dev.headlesscrm.support.application.SlaTimerView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service requests (服务请求): the standard routes, the status actions and the SLA timers. */
@Path("/api/v1/service-requests")
@Tag(name = "Service requests")
public class ServiceRequestResource extends OwnedRecordResource<ServiceRequestView> {

  @Inject ServiceRequestService service;

  @Override
  protected OwnedRecordService<?, ServiceRequestView, ?> service() {
    return service;
  }

  @Override
  protected Class<ServiceRequestView> viewType() {
    return ServiceRequestView.class;
  }

  /** Who gets the request. */
  @Schema(name = "ServiceRequestAssignment")
  public record Assignment(@Schema(required = true, description = "The agent") UUID ownerId) {}

  /** How it was resolved. */
  @Schema(name = "ServiceRequestResolution")
  public record Resolution(
      @Schema(required = true, examples = "更换定影组件后打印正常") String resolution,
      @Schema(
              description =
                  "Hours worked on it, when known (kept on the request; an hours entitlement term"
                      + " consumes them)",
              examples = "2.5")
          java.math.BigDecimal workedHours) {}

  /** Where an escalation goes. */
  @Schema(name = "ServiceRequestEscalation")
  public record Escalation(
      @Schema(description = "The employee it goes to; the agent's supervisor when omitted")
          UUID toId) {}

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignServiceRequest",
      summary = "Hand a service request to an agent",
      description =
          "NEW or REOPENED becomes ASSIGNED; other statuses stay. Assigning to someone else needs"
              + " TRANSFER. The agent is notified (service-request-assigned). 409 when it is"
              + " resolved, closed or already theirs.")
  public Response assign(@PathParam("id") UUID id, Assignment body) {
    return RestResponses.updated(service.assign(id, body == null ? null : body.ownerId()));
  }

  @POST
  @Path("{id}/start")
  @Operation(
      operationId = "startServiceRequest",
      summary = "Start work on a service request (ASSIGNED → IN_PROGRESS)")
  public Response start(@PathParam("id") UUID id) {
    return RestResponses.updated(service.start(id));
  }

  @POST
  @Path("{id}/respond")
  @Operation(
      operationId = "respondToServiceRequest",
      summary = "Record a response to the customer",
      description =
          "Sets firstRespondedAt (once) and lastRespondedAt, and meets the running first- or"
              + " next-response timer. 409 when the request is resolved or closed.")
  public Response respond(@PathParam("id") UUID id) {
    return RestResponses.updated(service.respond(id));
  }

  @POST
  @Path("{id}/wait")
  @Operation(
      operationId = "waitForCustomerOnServiceRequest",
      summary = "Wait for the customer (IN_PROGRESS → WAITING_FOR_CUSTOMER)",
      description =
          "Counts as a response; the resolution timer pauses (reason waiting-for-customer) and"
              + " resumes, the same timer, when the request is resumed.")
  public Response waitForCustomer(@PathParam("id") UUID id) {
    return RestResponses.updated(service.waitForCustomer(id));
  }

  @POST
  @Path("{id}/resume")
  @Operation(
      operationId = "resumeServiceRequest",
      summary = "The customer answered (WAITING_FOR_CUSTOMER → IN_PROGRESS)",
      description =
          "Paused timers count on where they stopped; the next-response timer starts a new run"
              + " when the policy sets one.")
  public Response resume(@PathParam("id") UUID id) {
    return RestResponses.updated(service.resume(id));
  }

  @POST
  @Path("{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resolveServiceRequest",
      summary = "Resolve a service request (→ RESOLVED)",
      description =
          "From ASSIGNED, IN_PROGRESS, WAITING_FOR_CUSTOMER, NEW or REOPENED. Every timer stops:"
              + " MET, or BREACHED when it came late. 422 without a resolution.")
  public Response resolve(@PathParam("id") UUID id, Resolution body) {
    return RestResponses.updated(
        service.resolve(
            id, body == null ? null : body.resolution(), body == null ? null : body.workedHours()));
  }

  @POST
  @Path("{id}/close")
  @Operation(
      operationId = "closeServiceRequest",
      summary = "Close a resolved service request (RESOLVED → CLOSED)")
  public Response close(@PathParam("id") UUID id) {
    return RestResponses.updated(service.close(id));
  }

  @POST
  @Path("{id}/reopen")
  @Operation(
      operationId = "reopenServiceRequest",
      summary = "Reopen a service request (RESOLVED or CLOSED → REOPENED)",
      description =
          "The resolution timer counts on from the working time it had, the same timer;"
              + " reopenCount goes up.")
  public Response reopen(@PathParam("id") UUID id) {
    return RestResponses.updated(service.reopen(id));
  }

  @POST
  @Path("{id}/escalate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "escalateServiceRequest",
      summary = "Escalate a service request one level",
      description =
          "escalationLevel goes up; the request goes to toId, else to its agent's supervisor"
              + " (it stays with the agent when there is none), who is notified. Handing it to"
              + " someone else needs TRANSFER. 409 when resolved or closed.")
  public Response escalate(@PathParam("id") UUID id, Escalation body) {
    return RestResponses.updated(service.escalate(id, body == null ? null : body.toId()));
  }

  @POST
  @Path("{id}/route")
  @Operation(
      operationId = "routeServiceRequest",
      summary = "Route a service request again",
      description =
          "The first active queue by rank that takes its category and type gives it to its most"
              + " suitable member: available, at work, with room for the request's weight; the"
              + " highest skill for its category or its goods' product wins, then the lowest share"
              + " of capacity in use, then the longest wait since a last assignment. When none can"
              + " take it, it overflows to the queue's overflow queue, else waits in the queue."
              + " Needs TRANSFER; the decision is kept (GET …/routing). 409 when no queue takes it"
              + " or the request is resolved or closed.")
  public Response route(@PathParam("id") UUID id) {
    return RestResponses.updated(service.route(id));
  }

  @GET
  @Path("{id}/routing")
  @Operation(
      operationId = "listServiceRequestRoutings",
      summary = "How a service request was routed",
      description =
          "Every routing, newest first: the queues tried, each candidate with why they could not"
              + " take it or their place, who was chosen and why.")
  public Page<RoutingDecisionView> routing(@PathParam("id") UUID id) {
    List<RoutingDecisionView> decisions = service.routings(id);
    return new Page<>(decisions, new PageInfo(Math.max(decisions.size(), 1), null, false, null));
  }

  @GET
  @Path("{id}/sla-timers")
  @Operation(
      operationId = "listServiceRequestSlaTimers",
      summary = "The SLA timers of a service request",
      description =
          "First response, next response and resolution, as far as its policy sets them, with"
              + " working minutes elapsed, paused and remaining up to now.")
  public Page<SlaTimerView> slaTimers(@PathParam("id") UUID id) {
    List<SlaTimerView> timers = service.slaTimers(id);
    return new Page<>(timers, new PageInfo(Math.max(timers.size(), 1), null, false, null));
  }
}
