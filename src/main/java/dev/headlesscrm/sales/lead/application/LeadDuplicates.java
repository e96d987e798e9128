package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.customer.application.DuplicateCandidate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 查重: what a would-be lead looks like among unconverted leads and customers. */
@Schema(name = "LeadDuplicates")
public record LeadDuplicates(List<LeadView> leads, List<DuplicateCandidate.Match> customers) {}
