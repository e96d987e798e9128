package dev.headlesscrm.sales.lead.application;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How to convert a lead (the body of POST /leads/{id}/convert; all optional). */
@Input("ConvertLeadInput")
@Schema(name = "ConvertLead", description = "How to convert a lead; every member is optional.")
public record ConvertLead(
    @Schema(description = "Attach to this existing customer (e.g. the duplicate found) instead")
        UUID customerId,
    @Size(max = 200) @Schema(description = "Name of the new customer; the company by default")
        String customerName,
    @Schema(description = "Also create an opportunity") Boolean createOpportunity,
    @Size(max = 200) String opportunityName,
    @DecimalMin("0") BigDecimal amount,
    LocalDate expectedCloseDate,
    @Schema(description = "The default pipeline when omitted") UUID pipelineId) {

  static final ConvertLead DEFAULT = new ConvertLead(null, null, false, null, null, null, null);
}
