package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.security.TeamAccess;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Many records to one new owner (POST /x/transfer); each transferred in its own transaction. */
@Schema(name = "BatchTransferRequest")
public record BatchTransferRequest(
    @NotEmpty @Size(max = 1000) List<@NotNull UUID> ids,
    @NotNull UUID ownerId,
    List<String> carry,
    TeamAccess previousOwnerAccess) {

  public TransferRequest transfer() {
    return new TransferRequest(ownerId, carry, previousOwnerAccess);
  }
}
