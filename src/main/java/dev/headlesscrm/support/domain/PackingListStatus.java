package dev.headlesscrm.support.domain;

/** Where a packing list stands (see {@link PackingListStates}). */
public enum PackingListStatus {
  DRAFT,
  PACKED,
  SHIPPED,
  DELIVERED,
  RETURNED
}
