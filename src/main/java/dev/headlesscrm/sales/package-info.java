/**
 * Sales (销售管理): leads, pipelines and stages, opportunities, and (to come) quotes, contracts,
 * orders, payments, commissions and targets. Every resource is a platform record resource; owned
 * ones (leads, opportunities) follow data scope, team members and transfer.
 */
package dev.headlesscrm.sales;
