package dev.headlesscrm.support.domain;

/** Where goods are. */
public enum GoodsStatus {
  IN_USE,
  IN_REPAIR,
  RETURNED,
  SCRAPPED
}
