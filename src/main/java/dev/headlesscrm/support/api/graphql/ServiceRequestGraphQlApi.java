package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.RoutingDecisionView;
import dev.headlesscrm.support.application.ServiceRequestService;
import dev.headlesscrm.support.application.ServiceRequestView;
import dev.headlesscrm.support.application.SlaTimerView;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Service requests' actions and SLA timers over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class ServiceRequestGraphQlApi {

  @Inject ServiceRequestService requests;

  @Mutation("assignServiceRequest")
  @Description("Hand to an agent; NEW or REOPENED becomes ASSIGNED")
  public ServiceRequestView assignServiceRequest(
      @Id @NonNull String id, @Id @NonNull @Name("ownerId") String ownerId) {
    return requests.assign(Ids.parse(id), Ids.parse(ownerId));
  }

  @Mutation("startServiceRequest")
  @Description("ASSIGNED → IN_PROGRESS")
  public ServiceRequestView startServiceRequest(@Id @NonNull String id) {
    return requests.start(Ids.parse(id));
  }

  @Mutation("respondToServiceRequest")
  @Description("A response to the customer: meets the running response timer")
  public ServiceRequestView respondToServiceRequest(@Id @NonNull String id) {
    return requests.respond(Ids.parse(id));
  }

  @Mutation("waitForCustomerOnServiceRequest")
  @Description("IN_PROGRESS → WAITING_FOR_CUSTOMER; the timers pause")
  public ServiceRequestView waitForCustomerOnServiceRequest(@Id @NonNull String id) {
    return requests.waitForCustomer(Ids.parse(id));
  }

  @Mutation("resumeServiceRequest")
  @Description("WAITING_FOR_CUSTOMER → IN_PROGRESS; the same timers count on")
  public ServiceRequestView resumeServiceRequest(@Id @NonNull String id) {
    return requests.resume(Ids.parse(id));
  }

  @Mutation("resolveServiceRequest")
  @Description("→ RESOLVED with the resolution; every timer stops")
  public ServiceRequestView resolveServiceRequest(
      @Id @NonNull String id,
      @NonNull @Name("resolution") String resolution,
      @Name("workedHours") @Description("Hours worked on it, when known") BigDecimal workedHours) {
    return requests.resolve(Ids.parse(id), resolution, workedHours);
  }

  @Mutation("closeServiceRequest")
  @Description("RESOLVED → CLOSED")
  public ServiceRequestView closeServiceRequest(@Id @NonNull String id) {
    return requests.close(Ids.parse(id));
  }

  @Mutation("reopenServiceRequest")
  @Description("RESOLVED or CLOSED → REOPENED; the resolution timer counts on")
  public ServiceRequestView reopenServiceRequest(@Id @NonNull String id) {
    return requests.reopen(Ids.parse(id));
  }

  @Mutation("escalateServiceRequest")
  @Description("One level up: to toId, else to the agent's supervisor")
  public ServiceRequestView escalateServiceRequest(
      @Id @NonNull String id, @Id @Name("toId") String toId) {
    return requests.escalate(Ids.parse(id), toId == null ? null : Ids.parse(toId));
  }

  @Mutation("routeServiceRequest")
  @Description("Route again: the most suitable available member of the first queue that takes it")
  public ServiceRequestView routeServiceRequest(@Id @NonNull String id) {
    return requests.route(Ids.parse(id));
  }

  @Query("serviceRequestRoutings")
  @Description("How a service request was routed, newest first")
  public List<@NonNull RoutingDecisionView> serviceRequestRoutings(@Id @NonNull String id) {
    return requests.routings(Ids.parse(id));
  }

  @Query("serviceRequestSlaTimers")
  @Description("The SLA timers of a service request, counted up to now")
  public List<@NonNull SlaTimerView> serviceRequestSlaTimers(@Id @NonNull String id) {
    return requests.slaTimers(Ids.parse(id));
  }

  @Name("slaTimers")
  @Description("Its SLA timers, counted up to now (batched over a list)")
  public List<List<SlaTimerView>> slaTimers(@Source List<ServiceRequestView> requests) {
    Map<java.util.UUID, List<SlaTimerView>> all =
        this.requests.slaTimers(requests.stream().map(ServiceRequestView::id).toList());
    return requests.stream().map(r -> all.getOrDefault(r.id(), List.of())).toList();
  }
}
