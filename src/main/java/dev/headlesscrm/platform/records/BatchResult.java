package dev.headlesscrm.platform.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.headlesscrm.platform.api.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Per-operation results of a batch, in request order. */
@Schema(name = "BatchResult")
public record BatchResult(List<Item> results) {

  /** The outcome of one operation: its status and the record's id and version, or a problem. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "BatchItemResult")
  public record Item(int index, int status, UUID id, Long version, Problem problem) {}
}
