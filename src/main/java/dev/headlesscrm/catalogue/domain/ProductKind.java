package dev.headlesscrm.catalogue.domain;

/** Whether a product is a physical good (有形) or not (无形: services, training, licences). */
public enum ProductKind {
  TANGIBLE,
  INTANGIBLE
}
