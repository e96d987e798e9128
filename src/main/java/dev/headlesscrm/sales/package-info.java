/**
 * Sales (销售管理), one sub-package per aggregate, each with {@code domain}, {@code application} and
 * {@code api}: {@code lead} (leads, conversion, duplicates), {@code pipeline} (pipelines, stages,
 * opportunities, stage history), {@code order} (quotes, contracts, sales orders, delivery, priced
 * lines), {@code receivable} (payment plans, payments) and {@code performance} (commission rules,
 * commissions, sales targets and their actuals); {@code shared} holds what several of them use
 * (approval hand-off, customer and contact references, value conversions). Every resource is a
 * platform record resource; owned ones follow data scope, team members and transfer.
 *
 * <p>Aggregates use each other only through their {@code application} packages (services, commands,
 * views such as {@code ContractFunds}), never another's {@code domain}, and without cycles: lead →
 * pipeline; order → pipeline, performance; receivable → order, performance. Products come from the
 * catalogue context's application API.
 */
package dev.headlesscrm.sales;
