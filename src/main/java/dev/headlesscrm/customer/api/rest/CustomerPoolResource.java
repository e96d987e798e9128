package dev.headlesscrm.customer.api.rest;

import dev.headlesscrm.customer.application.CustomerPoolService;
import dev.headlesscrm.customer.application.CustomerPoolView;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public pools (公海): the standard routes for their set-up (sales managers), the customers in a pool
 * for its members, and the return preview.
 */
@Path("/api/v1/customer-pools")
@Tag(name = "Customer pools")
public class CustomerPoolResource extends RecordResource<CustomerPoolView> {

  @Inject CustomerPoolService service;
  @Inject CustomerService customers;

  @Override
  protected RecordService<?, CustomerPoolView, ?> service() {
    return service;
  }

  @Override
  protected Class<CustomerPoolView> viewType() {
    return CustomerPoolView.class;
  }

  @GET
  @Path("{id}/customers")
  @Operation(
      operationId = "listPoolCustomers",
      summary = "The customers in a pool (for its members and administrators)",
      description =
          "Filter and sort as on /customers (e.g. sort=-poolEnteredAt), except by the fields the"
              + " pool withholds (400), and without q when it withholds any; withheld fields are"
              + " left out of each customer.")
  public Page<CustomerView> customers(
      @PathParam("id") UUID id,
      @QueryParam("filter") String filter,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("count") Boolean count) {
    return customers.inPool(
        id, ListQuery.of(filter, q, sort, limit, cursor, null, null, count, null));
  }

  @GET
  @Path("returns")
  @Operation(
      operationId = "listPoolReturns",
      summary = "回收预览: who returns to a pool by a time (default: tonight)",
      description =
          "The owned customers within the caller's data scope whose poolReturnAt is at or before"
              + " until, earliest first, each with the pool, rule and criterion that return it.")
  public Page<CustomerView> returns(
      @Parameter(description = "Default: the coming midnight, China time") @QueryParam("until")
          Instant until,
      @Parameter(description = "Only the customers returning to this pool") @QueryParam("poolId")
          UUID poolId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("count") Boolean count) {
    return customers.returnsDue(until, poolId, limit, cursor, count);
  }
}
