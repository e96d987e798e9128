package dev.headlesscrm.support.domain;

/** What an SLA timer measures. */
public enum SlaTimerKind {
  /** From the request's creation to the first response to the customer. */
  FIRST_RESPONSE,
  /** From the customer's answer (the request resumed) to the next response. */
  NEXT_RESPONSE,
  /** From the creation to the resolution; paused while waiting for the customer. */
  RESOLUTION
}
