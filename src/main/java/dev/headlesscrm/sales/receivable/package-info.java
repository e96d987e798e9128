/**
 * Receivables (回款): payment plans (periods of a contract, never above its amount) and payments
 * (registered against approved or active contracts, approved directly or through approval, voided
 * if wrong; PaymentStates). Approving or voiding a payment books it on the contract and its period
 * and recalculates the seller's commissions, through the order and performance application APIs.
 */
package dev.headlesscrm.sales.receivable;
