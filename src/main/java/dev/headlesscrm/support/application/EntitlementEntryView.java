package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.EntitlementEntry;
import dev.headlesscrm.support.domain.EntitlementUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the entitlement ledger as clients read it. */
@Type("EntitlementEntry")
@Schema(
    name = "EntitlementEntry",
    description =
        "What a service request consumed from a term (positive) or gave back (negative), and why:"
            + " CREATED (a case counted as the request was made), RESOLVED (a case counted on"
            + " resolution, or hours worked), DELETED (the request was deleted: all of it goes"
            + " back), RESTORED (it was restored and consumes again). A request's net use of a"
            + " term is the sum of its lines; it never counts a case twice, reopened or not.")
public record EntitlementEntryView(
    @Id UUID id,
    UUID contractId,
    UUID termId,
    UUID requestId,
    EntitlementUnit unit,
    BigDecimal quantity,
    EntitlementEntry.Reason reason,
    Instant createdAt,
    UUID createdBy) {

  static EntitlementEntryView of(EntitlementEntry e) {
    return new EntitlementEntryView(
        e.id,
        e.contractId,
        e.termId,
        e.requestId,
        e.unit,
        e.quantity,
        e.reason,
        e.createdAt,
        e.createdBy);
  }
}
