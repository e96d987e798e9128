package dev.headlesscrm.support.domain;

/** Which way a packing list's parts travel. */
public enum PackingDirection {
  /** From us to the customer (replacement parts, a repaired unit). */
  OUTBOUND,
  /** From the customer back to us (faulty parts, a unit to repair). */
  RETURN
}
