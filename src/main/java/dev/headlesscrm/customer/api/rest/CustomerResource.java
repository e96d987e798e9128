package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.AssignFromPool;
import dev.headlesscrm.customer.application.CopyCustomer;
import dev.headlesscrm.customer.application.CustomerActions;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.CustomerSummary;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.customer.application.DuplicateCandidate;
import dev.headlesscrm.customer.application.MergeCustomers;
import dev.headlesscrm.customer.application.MergeResult;
import dev.headlesscrm.customer.application.PutBack;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customers (客户): the standard routes plus copy, merge and duplicate check, and the public pool's
 * moves (claim, assign, put back, lock, unlock).
 */
@Path("/api/v1/customers")
@Tag(name = "Customers")
public class CustomerResource extends OwnedRecordResource<CustomerView> {

  @Inject CustomerService service;
  @Inject CustomerActions actions;

  @Override
  protected OwnedRecordService<?, CustomerView, ?> service() {
    return service;
  }

  @Override
  protected Class<CustomerView> viewType() {
    return CustomerView.class;
  }

  @POST
  @Path("{id}/copy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "copyCustomer",
      description =
          "Creates a new customer from this one with a new number; contacts are copied when includeContacts is true. The copy is owned by the caller. Answers 201 with the new customer.",
      summary = "Copy a customer (new number; contacts optional)")
  public Response copy(@PathParam("id") UUID id, CopyCustomer request) {
    CustomerView copy = actions.copy(id, request);
    return RestResponses.createdAt(
        uri.getBaseUriBuilder().path("api/v1/customers").path(copy.id().toString()).build(), copy);
  }

  @POST
  @Path("{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "mergeCustomers",
      description =
          "Folds up to 10 duplicates (mergeIds) into this customer: fields picks per field whose value to keep, the records that refer to a duplicate and follow merges (contacts, child customers, opportunities and other sales records) move to the survivor, each move with its history entry and event, and the duplicates end soft-deleted. dryRun=true shows the outcome and writes nothing.",
      summary = "Merge duplicates into this customer (dryRun previews)")
  public MergeResult merge(@PathParam("id") UUID survivorId, MergeCustomers request) {
    return actions.merge(survivorId, request);
  }

  @GET
  @Path("{id}/timeline")
  @Operation(
      operationId = "getCustomerTimeline",
      summary = "客户全方位视图: everything about the customer in time order, newest first",
      description =
          "Follow-ups, tasks, care, marketing contacts, opportunities, quotes, contracts, payments,"
              + " ownership moves (transfer, claim, assignment, put-back, return to the pool, lock)"
              + " and lifecycle stage changes, service requests and answered satisfaction surveys,"
              + " merged newest first and paged by cursor. Each kind appears only when"
              + " the caller may read it, and only its records within the caller's data scope;"
              + " amounts hidden from the caller are null. kind (repeatable) picks kinds.")
  public dev.headlesscrm.platform.api.Page<dev.headlesscrm.platform.timeline.TimelineItem> timeline(
      @PathParam("id") UUID id,
      @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
              description =
                  "follow-up, task, care, marketing, opportunity, quote, contract, payment,"
                      + " ownership, stage, service-request, satisfaction")
          @QueryParam("kind")
          List<String> kinds,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.timeline(id, kinds, limit, cursor);
  }

  @GET
  @Path("{id}/summary")
  @Operation(
      operationId = "getCustomerSummary",
      summary = "The customer's figures: opportunities, contracts, money, follow-ups, tasks, pool",
      description =
          "Open opportunities and their weighted amount, contract total, received, outstanding"
              + " and overdue, last and next follow-up, open and overdue tasks, and the pool"
              + " return date, within the caller's data scope and field permissions.")
  public CustomerSummary summary(@PathParam("id") UUID id) {
    return service.summary(id);
  }

  @POST
  @Path("{id}/claim")
  @Operation(
      operationId = "claimCustomer",
      summary = "领取: take a customer out of the public pool",
      description =
          "A member of the customer's pool becomes its owner; its contacts and open tasks move to"
              + " them. Refused with 409 naming the limit (daily-claim-limit, ownership-cap,"
              + " cooling-off) when the pool's limits say no, and 409 when it is not in a pool.")
  public Response claim(@PathParam("id") UUID id) {
    return RestResponses.updated(service.claim(id));
  }

  @POST
  @Path("{id}/assign")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "assignCustomer",
      summary = "分配: a pool administrator gives a pool customer to an employee",
      description =
          "Only the pool's administrators (and CRM administrators). The ownership cap applies to"
              + " the employee; the daily claim limit and cooling-off do not.")
  public Response assign(@PathParam("id") UUID id, AssignFromPool request) {
    return RestResponses.updated(service.assign(id, request == null ? null : request.ownerId()));
  }

  @POST
  @Path("{id}/put-back")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putBackCustomer",
      summary = "放入公海: put a customer back into the public pool, with a reason",
      description =
          "Into the named pool, or the one governing the owner. The owner becomes the previous"
              + " owner (cooling-off applies to them), the lock is released, contacts go along,"
              + " and the pool's hiddenFields are withheld until someone claims it.")
  public Response putBack(@PathParam("id") UUID id, PutBack request) {
    return RestResponses.updated(service.putBack(id, request));
  }

  @POST
  @Path("{id}/lock")
  @Operation(
      operationId = "lockCustomer",
      summary = "锁定: keep the customer from returning to the pool",
      description = "Within the governing pool's lockCap (409 lock-cap beyond it).")
  public Response lock(@PathParam("id") UUID id) {
    return RestResponses.updated(service.lock(id));
  }

  @POST
  @Path("{id}/unlock")
  @Operation(
      operationId = "unlockCustomer",
      summary = "解锁: the pool's rules apply again",
      description =
          "The customer's return date is computed again from the governing pool's rules; 409"
              + " when it is not locked.")
  public Response unlock(@PathParam("id") UUID id) {
    return RestResponses.updated(service.unlock(id));
  }

  @POST
  @Path("duplicates")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "findDuplicateCustomers",
      description =
          "Scores would-be duplicates of the customer in the body (name similarity, phone, e-mail, tax id) within the caller's data scope, best first, each with the reasons. Nothing is written.",
      summary = "Possible duplicates of a would-be customer, with reasons and scores")
  public Map<String, List<DuplicateCandidate.Match>> duplicates(DuplicateCandidate.Check check) {
    return Map.of("data", actions.duplicates(check));
  }
}
