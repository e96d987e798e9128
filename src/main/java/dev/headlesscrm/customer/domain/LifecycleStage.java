package dev.headlesscrm.customer.domain;

/** 客户生命周期: where a customer stands in its relationship with us. */
public enum LifecycleStage {
  PROSPECT,
  NEW,
  ACTIVE,
  LOYAL,
  AT_RISK,
  LOST
}
