package dev.headlesscrm.platform.records;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /x/batch}: up to 1,000 operations, each obeying every rule a single call does. */
@Schema(name = "BatchRequest")
public record BatchRequest(
    @Schema(description = "All succeed or nothing is written (the first failure is reported)")
        Boolean atomic,
    @NotNull @Size(min = 1, max = 1000) @Valid List<Operation> operations) {

  /** One operation: create, update (merge patch), upsert (by externalId) or delete. */
  @Schema(name = "BatchOperation")
  public record Operation(
      @NotNull @Schema(enumeration = {"create", "update", "upsert", "delete"}) String op,
      @Schema(description = "For update and delete") String id,
      @Schema(description = "For upsert") String externalId,
      @Schema(description = "ETag or version the record must still have") String ifMatch,
      @Schema(description = "The record (create, upsert) or merge patch (update)") JsonNode data) {}

  public boolean isAtomic() {
    return Boolean.TRUE.equals(atomic);
  }
}
