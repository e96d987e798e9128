package dev.headlesscrm.sales.pipeline.domain;

/** What reaching a stage means for the opportunity. */
public enum StageKind {
  OPEN,
  WON,
  LOST
}
