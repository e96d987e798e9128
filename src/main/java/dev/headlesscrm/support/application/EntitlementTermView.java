package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementTerm;
import dev.headlesscrm.support.domain.EntitlementUnit;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entitlement term as clients read it. */
@Type("EntitlementTerm")
@Schema(
    name = "EntitlementTerm",
    description =
        "So many cases or hours on one channel (null: any), what the ledger has consumed and what"
            + " is left (below zero when hours worked ran over).")
public record EntitlementTermView(
    @Id UUID id,
    EntitlementUnit unit,
    @Schema(description = "Code from dictionary 'service-channel'; null: any channel")
        String channel,
    BigDecimal quantity,
    BigDecimal used,
    BigDecimal remaining) {

  static EntitlementTermView of(EntitlementTerm t) {
    return new EntitlementTermView(
        t.id(), t.unit(), t.channel(), t.quantity(), t.used(), t.remaining());
  }
}
