/**
 * Catalogue services, inputs and views, the resource declarations of products and categories, and
 * the look-ups other contexts use (ProductService.getAll, ProductCategories).
 */
package dev.headlesscrm.catalogue.application;
