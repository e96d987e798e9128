/**
 * Catalogue entities (Product, ProductCategory), the category tree's repository and ProductRules.
 */
package dev.headlesscrm.catalogue.domain;
