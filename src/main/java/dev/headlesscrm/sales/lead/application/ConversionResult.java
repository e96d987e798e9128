package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CustomerView;
import dev.headlesscrm.sales.pipeline.application.OpportunityView;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a lead became. */
@Type("LeadConversion")
@Schema(name = "LeadConversion")
public record ConversionResult(
    LeadView lead,
    CustomerView customer,
    ContactView contact,
    @Schema(description = "Null unless createOpportunity was asked") OpportunityView opportunity) {}
