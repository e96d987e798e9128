/**
 * Sales (销售管理): leads, pipelines and stages, opportunities, the product catalogue, quotes,
 * contracts, orders, payment plans and payments, commissions and sales targets. Every resource is a
 * platform record resource; owned ones follow data scope, team members and transfer.
 *
 * <p>The catalogue (产品管理): product categories form a tree (live parent, no cycles, delete
 * restricted while sub-categories or products are filed under one); products are company-wide, not
 * owned (code from the numbering rule 'product' unless given, unique among live products; services
 * and trainings are intangible; list price and cost ≥ 0, rounded HALF_UP to decimal-places.product
 * when stored and read; tax rate a fraction from 0 to 1; cost hidden by default field permissions
 * from all but sales managers, integrations and admins).
 *
 * <p>Commissions (佣金) are calculated, never written: rebuilt per employee and month when contracts
 * and payments are approved or voided, approved and paid by sales managers, corrected by
 * adjustments once approved. Sales targets (业绩目标) are measured against the same actuals.
 */
package dev.headlesscrm.sales;
