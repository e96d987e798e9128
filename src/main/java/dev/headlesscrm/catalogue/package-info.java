/**
 * The catalogue (产品管理): product categories and products, referenced by sales, service and
 * marketing. Categories form a tree (live parent, no cycles, delete restricted while sub-categories
 * or products are filed under one); products are company-wide, not owned (code from the numbering
 * rule 'product' unless given, unique among live products; services and trainings are intangible;
 * list price and cost ≥ 0, rounded HALF_UP to decimal-places.product when stored and read; tax rate
 * a fraction from 0 to 1; cost hidden by default field permissions from all but sales managers,
 * integrations and admins). Other contexts use it through {@code application} only: ProductService
 * and ProductView for products, ProductCategories for category chains.
 */
package dev.headlesscrm.catalogue;
