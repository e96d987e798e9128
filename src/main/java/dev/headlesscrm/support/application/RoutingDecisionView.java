package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.RoutingCandidate;
import dev.headlesscrm.support.domain.RoutingDecision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One routing of a service request, as clients read it. */
@Type("RoutingDecision")
@Schema(
    name = "RoutingDecision",
    description =
        "A routing of a service request: the queues tried (overflow), every candidate with why"
            + " they could not take it or their place, the agent chosen (null: it waits in the"
            + " queue) and why.")
public record RoutingDecisionView(
    @Id UUID id,
    UUID requestId,
    Instant decidedAt,
    UUID decidedBy,
    @Schema(description = "created or route") String trigger,
    UUID queueId,
    List<UUID> queuesTried,
    UUID chosenId,
    String reason,
    List<RoutingCandidate> candidates) {

  static RoutingDecisionView of(RoutingDecision d) {
    return new RoutingDecisionView(
        d.id,
        d.requestId,
        d.decidedAt,
        d.decidedBy,
        d.trigger,
        d.queueId,
        List.copyOf(d.queuesTried),
        d.chosenId,
        d.reason,
        List.copyOf(d.candidates));
  }
}
