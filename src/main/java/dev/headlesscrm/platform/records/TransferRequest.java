package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.security.TeamAccess;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of owner (转移), the body of POST /x/{id}/transfer. */
@Input("TransferInput")
@Schema(name = "TransferRequest", description = "A change of owner (转移).")
public record TransferRequest(
    @NotNull @Schema(description = "The new owner (an active employee)") UUID ownerId,
    @Schema(
            description =
                "Related records that move with it, e.g. [\"contacts\"] for a customer's contacts",
            examples = "[\"contacts\"]")
        List<String> carry,
    @Schema(
            description =
                "Keep the previous owner as a team member with this access (READ or READ_WRITE);"
                    + " omit to remove them")
        TeamAccess previousOwnerAccess) {

  public List<String> carried() {
    return carry == null ? List.of() : carry;
  }
}
