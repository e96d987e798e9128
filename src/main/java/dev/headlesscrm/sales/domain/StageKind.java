package dev.headlesscrm.sales.domain;

/** What reaching a stage means for the opportunity. */
public enum StageKind {
  OPEN,
  WON,
  LOST
}
