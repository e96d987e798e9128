package dev.headlesscrm.support.domain;

/** What a satisfaction survey asks about. */
public enum SurveyKind {
  /** After a service request closed. */
  SERVICE,
  /** After a sales order was delivered in full. */
  DELIVERY,
  /** 回访: a return visit an agent makes and records. */
  RETURN_VISIT
}
