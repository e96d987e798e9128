package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.SlaTimer;
import dev.headlesscrm.support.domain.SlaTimerKind;
import dev.headlesscrm.support.domain.SlaTimerState;
import dev.headlesscrm.support.domain.WorkingTime;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One SLA timer of a service request, with its working time counted up to the read. */
@Type("SlaTimer")
@Schema(
    name = "SlaTimer",
    description =
        "One SLA timer of a service request. Minutes are working minutes of the policy's calendar;"
            + " elapsed and paused are counted up to the moment of the read. A pause keeps the"
            + " timer: it resumes where it stopped.")
public record SlaTimerView(
    @Id UUID id,
    UUID requestId,
    SlaTimerKind kind,
    SlaTimerState state,
    @Schema(description = "1 for the first run; a next-response timer counts its runs") int cycle,
    UUID policyId,
    UUID calendarId,
    long targetMinutes,
    @Schema(description = "Working minutes after which it warns") long warningMinutes,
    long elapsedMinutes,
    @Schema(description = "Working minutes it was paused") long pausedMinutes,
    @Schema(description = "Working minutes left to the target; negative when late")
        long remainingMinutes,
    Instant startedAt,
    @Schema(description = "When it is due, while it runs") Instant dueAt,
    @Schema(description = "When it warns, while it runs and has not warned") Instant warnAt,
    Instant pausedAt,
    @Schema(examples = "waiting-for-customer") String pauseReason,
    Instant warnedAt,
    Instant breachedAt,
    Instant stoppedAt,
    long version) {

  static SlaTimerView of(SlaTimer t, Instant now, WorkingTime time) {
    long elapsed = t.elapsed(now, time);
    return new SlaTimerView(
        t.id,
        t.requestId,
        t.kind,
        t.state,
        t.cycle,
        t.policyId,
        t.calendarId,
        t.targetSeconds / 60,
        t.warningSeconds / 60,
        elapsed / 60,
        t.paused(now, time) / 60,
        Math.floorDiv(t.targetSeconds - elapsed, 60),
        t.startedAt,
        t.dueAt,
        t.warnAt,
        t.pausedAt,
        t.pauseReason,
        t.warnedAt,
        t.breachedAt,
        t.stoppedAt,
        t.version);
  }
}
