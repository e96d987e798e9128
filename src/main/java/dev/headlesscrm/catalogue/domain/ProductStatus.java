package dev.headlesscrm.catalogue.domain;

/** Whether a product is on sale; inactive products stay readable for past documents. */
public enum ProductStatus {
  ACTIVE,
  INACTIVE
}
