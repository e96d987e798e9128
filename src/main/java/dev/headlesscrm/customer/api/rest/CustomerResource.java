package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.CopyCustomer;
import dev.headlesscrm.customer.application.CustomerActions;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.customer.application.DuplicateCandidate;
import dev.headlesscrm.customer.application.MergeCustomers;
import dev.headlesscrm.customer.application.MergeResult;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers (客户): the standard routes plus copy, merge and duplicate check. */
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
