package dev.headlesscrm.support.application;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of a packing list's actions, the same for REST and GraphQL. */
public final class PackingListCommands {
  private PackingListCommands() {}

  /** The carrier and tracking number; omitted ones stay as the list has them. */
  @Input("ShipPackingList")
  @Schema(
      name = "ShipPackingList",
      description =
          "The carrier and tracking number; omitted ones keep the list's. A tracking number is"
              + " required in the end (422 naming trackingNumber).")
  public record Shipment(
      @Size(max = 100) @Schema(examples = "顺丰速运") String carrier,
      @Size(max = 100) @Schema(examples = "SF1234567890") String trackingNumber) {}
}
