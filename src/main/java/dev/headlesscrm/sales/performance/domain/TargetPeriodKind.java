package dev.headlesscrm.sales.performance.domain;

/** How long a plan period (计划期间) is. */
public enum TargetPeriodKind {
  MONTH,
  QUARTER,
  YEAR
}
