package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.support.application.EntitlementView;
import dev.headlesscrm.support.application.Entitlements;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a customer is entitled to (服务许可), served by the service module. */
// The same class path as the collection's own resource: RESTEasy Reactive merges the two, so
// another method on this path is a 405 (a class of its own would answer 404).
@Path("/api/v1/customers")
@Tag(name = "Service contracts")
public class CustomerEntitlementResource {

  @Inject Entitlements entitlements;

  @GET
  @Path("{id}/entitlements")
  @Operation(
      operationId = "listCustomerEntitlements",
      summary = "What a customer is entitled to today",
      description =
          "Every term of its service contracts in force (with used and remaining), its goods"
              + " under warranty, and its goods whose sales contract is in force: what a new service"
              + " request is checked against, in that order. 404 when the caller cannot see the"
              + " customer.")
  public Page<EntitlementView> entitlements(@PathParam("id") UUID id) {
    List<EntitlementView> all = entitlements.ofCustomer(id);
    return new Page<>(all, new PageInfo(Math.max(all.size(), 1), null, false, null));
  }
}
