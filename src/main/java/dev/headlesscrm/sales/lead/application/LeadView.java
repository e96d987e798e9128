package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.lead.domain.LeadRating;
import dev.headlesscrm.sales.lead.domain.LeadStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as clients read it. */
@Type("Lead")
@Schema(name = "Lead", description = "A lead (线索): someone who may become a customer.")
public record LeadView(
    @Id UUID id,
    @Schema(examples = "李雷") String name,
    @Schema(examples = "杭州云帆科技有限公司") String company,
    String title,
    String mobile,
    String phone,
    String email,
    @Schema(description = "Code from dictionary 'lead-source'") String source,
    @Schema(description = "The marketing campaign it came from (until marketing exists: an id)")
        UUID campaignId,
    LeadStatus status,
    LeadRating rating,
    String address,
    @Schema(description = "Code from dictionary 'industry'") String industry,
    String notes,
    @Schema(description = "Set by conversion") UUID convertedCustomerId,
    @Schema(description = "Set by conversion") UUID convertedContactId,
    @Schema(description = "Set by conversion when an opportunity was made")
        UUID convertedOpportunityId,
    Instant convertedAt,
    Map<String, String> custom,
    String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
