package dev.headlesscrm.customer.domain;

/** What a care action (客户关怀) marks. */
public enum CareOccasion {
  BIRTHDAY,
  /** The customer's anniversary with us (its registration date). */
  ANNIVERSARY,
  CONTRACT_END,
  HOLIDAY,
  OTHER
}
