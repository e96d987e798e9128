package dev.headlesscrm.sales.lead.api.rest;

import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.sales.lead.application.ConversionResult;
import dev.headlesscrm.sales.lead.application.ConvertLead;
import dev.headlesscrm.sales.lead.application.LeadDuplicates;
import dev.headlesscrm.sales.lead.application.LeadService;
import dev.headlesscrm.sales.lead.application.LeadView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Leads (线索): the standard record routes, conversion and the duplicate check. */
@Path("/api/v1/leads")
@Tag(name = "Leads")
public class LeadResource extends OwnedRecordResource<LeadView> {

  @Inject LeadService service;

  @Override
  protected OwnedRecordService<?, LeadView, ?> service() {
    return service;
  }

  @Override
  protected Class<LeadView> viewType() {
    return LeadView.class;
  }

  /** The body of the duplicate check. */
  public record LeadDuplicateCheck(String name, String company, String mobile, String email) {}

  @POST
  @Path("{id}/convert")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "convertLead",
      description =
          "Creates (or reuses) a customer, a contact and optionally an opportunity from the lead in one transaction, and marks the lead CONVERTED with links to what it became. 409 when the lead is already converted.",
      summary =
          "Convert a lead into a customer (new or existing), a contact and optionally an"
              + " opportunity, in one transaction")
  public ConversionResult convert(@PathParam("id") UUID id, ConvertLead request) {
    return service.convert(id, request);
  }

  @POST
  @Path("duplicates")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "leadDuplicates",
      description =
          "Scores leads that are not converted and customers that look like the lead in the body (company name, phone, e-mail), within the caller's data scope. Nothing is written.",
      summary =
          "查重 before creating a lead: unconverted leads (same company, similar company, phone or"
              + " email) and customers (name, phone, email) that look like it, within your scope")
  public LeadDuplicates duplicates(LeadDuplicateCheck check) {
    LeadDuplicateCheck c = check == null ? new LeadDuplicateCheck(null, null, null, null) : check;
    return service.duplicates(c.name(), c.company(), c.mobile(), c.email());
  }
}
