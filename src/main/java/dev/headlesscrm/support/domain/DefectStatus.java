package dev.headlesscrm.support.domain;

/** Where a product defect stands (see {@link DefectStates}). */
public enum DefectStatus {
  REPORTED,
  CONFIRMED,
  FIXING,
  FIXED,
  CLOSED
}
