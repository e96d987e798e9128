package dev.headlesscrm.customer.domain;

/** Which day count of a pool rule returns a customer. */
public enum PoolCriterion {
  /** 未跟进: no follow-up for the rule's days (since the last one, or since taking ownership). */
  NO_FOLLOW_UP,
  /** 未成交: no won deal for the rule's days (since the last one, or since taking ownership). */
  NO_WON_DEAL,
  /** 合同到期: the rule's days after the end of the customer's last approved contract. */
  CONTRACT_ENDED
}
