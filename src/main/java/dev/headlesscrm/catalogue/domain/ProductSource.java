package dev.headlesscrm.catalogue.domain;

/** Where a product comes from: made in-house (自制), purchased (外购) or sold on consignment (代销). */
public enum ProductSource {
  IN_HOUSE,
  PURCHASED,
  CONSIGNMENT
}
