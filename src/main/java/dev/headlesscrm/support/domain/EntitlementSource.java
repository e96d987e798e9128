package dev.headlesscrm.support.domain;

/** What entitled a service request to service, in the order they are tried. */
public enum EntitlementSource {
  /** A term of a service contract (服务合同) in force that covers the request. */
  SERVICE_CONTRACT,
  /** The warranty of the request's goods. */
  WARRANTY,
  /** The sales contract behind the goods (goods → sales order → contract), active and in term. */
  SALES_CONTRACT,
  /** Nothing: the request is served without an entitlement. */
  NONE
}
