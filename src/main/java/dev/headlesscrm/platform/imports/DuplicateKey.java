package dev.headlesscrm.platform.imports;

/** What makes a row the same record as one already stored. */
public enum DuplicateKey {
  /** Never: every row is a new record. */
  NONE,
  /** The row's externalId. */
  EXTERNAL_ID,
  /** The row's number (customers, products, opportunities). */
  NUMBER,
  /** The customer duplicate check (as POST /customers/duplicates): exact name, phone or e-mail. */
  DUPLICATE_CHECK
}
