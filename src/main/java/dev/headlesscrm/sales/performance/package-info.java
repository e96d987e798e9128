/**
 * Sales performance: commission rules (per basis, employee, product category, tiered), commissions
 * (佣金) and sales targets (业绩目标). Commissions are calculated, never written: rebuilt per employee
 * and month when contracts and payments are approved or voided, approved and paid by sales
 * managers, corrected by adjustments once approved. Which rule applies, the category split and what
 * is due are pure domain rules (CommissionRules, CommissionCalculation, CommissionStates). Sales
 * targets are measured against the same actuals (SalesActuals).
 */
package dev.headlesscrm.sales.performance;
