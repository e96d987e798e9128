package dev.headlesscrm.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * One SLA timer of a service request (first response, next response, resolution), kept for the
 * request's life. Working time is counted in segments: {@link #elapsedSeconds} holds the finished
 * segments and the running one started at {@link #segmentStartedAt}. A pause ends the segment and a
 * resume starts the next, so the same timer goes on where it stopped; its due and warning instants
 * are recomputed from the calendar each time. Breach and warning are marked by the SLA job (and at
 * once when a change finds them past), never by a read.
 */
@Entity
@Table(name = "sla_timers")
public class SlaTimer {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Version public long version;

  @Column(name = "request_id", nullable = false)
  public UUID requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public SlaTimerKind kind;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(name = "calendar_id", nullable = false)
  public UUID calendarId;

  @Column(name = "target_seconds", nullable = false)
  public long targetSeconds;

  @Column(name = "warning_seconds", nullable = false)
  public long warningSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public SlaTimerState state;

  /** 1 for the first run; a next-response timer counts its runs. */
  @Column(nullable = false)
  public int cycle = 1;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "segment_started_at")
  public Instant segmentStartedAt;

  @Column(name = "elapsed_seconds", nullable = false)
  public long elapsedSeconds;

  @Column(name = "paused_seconds", nullable = false)
  public long pausedSeconds;

  @Column(name = "paused_at")
  public Instant pausedAt;

  @Column(name = "pause_reason", length = 64)
  public String pauseReason;

  @Column(name = "due_at")
  public Instant dueAt;

  @Column(name = "warn_at")
  public Instant warnAt;

  @Column(name = "warned_at")
  public Instant warnedAt;

  @Column(name = "breached_at")
  public Instant breachedAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  /** A new timer, running from {@code now}. */
  public static SlaTimer start(
      UUID requestId,
      SlaTimerKind kind,
      UUID policyId,
      UUID calendarId,
      long targetSeconds,
      int warningPercent,
      Instant now,
      WorkingTime time) {
    SlaTimer t = new SlaTimer();
    t.requestId = requestId;
    t.kind = kind;
    t.policyId = policyId;
    t.calendarId = calendarId;
    t.targetSeconds = targetSeconds;
    t.warningSeconds = targetSeconds * warningPercent / 100;
    t.startedAt = now;
    t.segmentStartedAt = now;
    t.state = SlaTimerState.RUNNING;
    t.schedule(time);
    return t;
  }

  /** Whether it counts working time now. */
  public boolean running() {
    return stoppedAt == null && pausedAt == null;
  }

  /** Working seconds counted up to {@code now}. */
  public long elapsed(Instant now, WorkingTime time) {
    return elapsedSeconds + (running() ? time.secondsBetween(segmentStartedAt, now) : 0);
  }

  /** Working seconds paused so far, the current pause up to {@code now} included. */
  public long paused(Instant now, WorkingTime time) {
    return pausedSeconds + (pausedAt != null ? time.secondsBetween(pausedAt, now) : 0);
  }

  /** Stops counting (waiting for the customer); false when it was not running. */
  public boolean pause(Instant now, String reason, WorkingTime time) {
    if (!running()) {
      return false;
    }
    elapsedSeconds += time.secondsBetween(segmentStartedAt, now);
    segmentStartedAt = null;
    pausedAt = now;
    pauseReason = reason;
    if (state != SlaTimerState.BREACHED) {
      state = SlaTimerState.PAUSED;
    }
    dueAt = null;
    warnAt = null;
    return true;
  }

  /** Counts again from {@code now}, the same timer where it stopped; false when not paused. */
  public boolean resume(Instant now, WorkingTime time) {
    if (pausedAt == null || stoppedAt != null) {
      return false;
    }
    pausedSeconds += time.secondsBetween(pausedAt, now);
    pausedAt = null;
    pauseReason = null;
    segmentStartedAt = now;
    state = counting();
    schedule(time);
    return true;
  }

  /** The target is reached (responded, resolved): MET, or BREACHED when it came late. */
  public boolean stop(Instant now, WorkingTime time) {
    if (stoppedAt != null) {
      return false;
    }
    if (running()) {
      elapsedSeconds += time.secondsBetween(segmentStartedAt, now);
    } else {
      pausedSeconds += time.secondsBetween(pausedAt, now);
    }
    segmentStartedAt = null;
    pausedAt = null;
    pauseReason = null;
    stoppedAt = now;
    dueAt = null;
    warnAt = null;
    if (elapsedSeconds > targetSeconds && breachedAt == null) {
      breachedAt = now;
    }
    state = breachedAt != null ? SlaTimerState.BREACHED : SlaTimerState.MET;
    return true;
  }

  /**
   * A stopped timer counts again from {@code now} with its elapsed time (a reopened request's
   * resolution): the same timer, not a new one.
   */
  public boolean restart(Instant now, WorkingTime time) {
    if (stoppedAt == null) {
      return false;
    }
    stoppedAt = null;
    segmentStartedAt = now;
    state = counting();
    schedule(time);
    return true;
  }

  /** The next run of a next-response timer: from zero, at {@code now}. */
  public void nextCycle(Instant now, WorkingTime time) {
    cycle++;
    startedAt = now;
    segmentStartedAt = now;
    elapsedSeconds = 0;
    pausedSeconds = 0;
    pausedAt = null;
    pauseReason = null;
    stoppedAt = null;
    warnedAt = null;
    breachedAt = null;
    state = SlaTimerState.RUNNING;
    schedule(time);
  }

  /** What {@code now} makes of a running timer: a warning, a breach, or nothing (null). */
  public SlaTimerState due(Instant now) {
    if (!running()) {
      return null;
    }
    if (breachedAt == null && dueAt != null && !now.isBefore(dueAt)) {
      return SlaTimerState.BREACHED;
    }
    if (warnedAt == null && breachedAt == null && warnAt != null && !now.isBefore(warnAt)) {
      return SlaTimerState.WARNING;
    }
    return null;
  }

  /** Marks what {@link #due} found. */
  public void mark(SlaTimerState reached, Instant now) {
    if (reached == SlaTimerState.BREACHED) {
      breachedAt = now;
      if (warnedAt == null) {
        warnedAt = now;
      }
      state = SlaTimerState.BREACHED;
    } else if (reached == SlaTimerState.WARNING) {
      warnedAt = now;
      state = SlaTimerState.WARNING;
    }
  }

  private SlaTimerState counting() {
    if (breachedAt != null) {
      return SlaTimerState.BREACHED;
    }
    return warnedAt != null ? SlaTimerState.WARNING : SlaTimerState.RUNNING;
  }

  /** Due and warning instants of the running segment, from the working time left. */
  private void schedule(WorkingTime time) {
    dueAt = time.plus(segmentStartedAt, Math.max(0, targetSeconds - elapsedSeconds));
    warnAt =
        warnedAt != null || breachedAt != null
            ? null
            : time.plus(segmentStartedAt, Math.max(0, warningSeconds - elapsedSeconds));
  }
}
