package dev.headlesscrm.sales.lead.application;

import dev.headlesscrm.sales.lead.domain.LeadRating;
import dev.headlesscrm.sales.lead.domain.LeadStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a lead. */
@Input("LeadInput")
@Schema(name = "LeadInput", description = "The writable fields of a lead.")
public record LeadInput(
    @NotBlank @Size(max = 100) String name,
    @Size(max = 200) String company,
    @Size(max = 100) String title,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String mobile,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") String phone,
    @Email @Size(max = 254) String email,
    @Size(max = 64) String source,
    UUID campaignId,
    @Schema(description = "NEW when omitted; CONVERTED only through /convert") LeadStatus status,
    LeadRating rating,
    @Size(max = 300) String address,
    @Size(max = 64) String industry,
    @Size(max = 10000) String notes,
    Map<String, String> custom,
    @Size(max = 100) String externalId,
    @Schema(description = "The owning employee; the caller when omitted") UUID ownerId) {}
