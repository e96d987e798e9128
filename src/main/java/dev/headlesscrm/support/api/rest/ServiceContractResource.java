package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.EntitlementEntryView;
import dev.headlesscrm.support.application.Entitlements;
import dev.headlesscrm.support.application.ServiceContractService;
import dev.headlesscrm.support.application.ServiceContractView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service contracts (服务合同): the standard routes and the entitlement ledger. */
@Path("/api/v1/service-contracts")
@Tag(name = "Service contracts")
public class ServiceContractResource extends RecordResource<ServiceContractView> {

  @Inject ServiceContractService service;
  @Inject Entitlements entitlements;

  @Override
  protected RecordService<?, ServiceContractView, ?> service() {
    return service;
  }

  @Override
  protected Class<ServiceContractView> viewType() {
    return ServiceContractView.class;
  }

  @GET
  @Path("{id}/ledger")
  @Operation(
      operationId = "listServiceContractLedger",
      summary = "The entitlement ledger of a service contract",
      description =
          "Every line, oldest first: what each service request consumed from a term (positive) or"
              + " gave back (negative) and why. Append-only; each term's used amount is the sum of"
              + " its lines.")
  public Page<EntitlementEntryView> ledger(@PathParam("id") UUID id) {
    List<EntitlementEntryView> lines = entitlements.ledger(id);
    return new Page<>(lines, new PageInfo(Math.max(lines.size(), 1), null, false, null));
  }
}
