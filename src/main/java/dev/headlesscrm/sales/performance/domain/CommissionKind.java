package dev.headlesscrm.sales.performance.domain;

/** A commission on a source, or the correction of one already approved or paid. */
public enum CommissionKind {
  COMMISSION,
  /** What the source earns now minus what was approved or paid for it (negative when voided). */
  ADJUSTMENT
}
