/**
 * Sales documents: quotes (报价, revisions, approval, sent, accepted), contracts (合同, made by hand or
 * from an accepted quote, approved then active until completed or terminated) and sales orders (订单,
 * confirmed, delivered in parts, closed). Their lines are priced on the server one way
 * (PricedLines); their status machines are OrderStates. Receivables reach a contract's money only
 * through ContractService.lockFunds and received (ContractFunds), under the contract row's lock.
 */
package dev.headlesscrm.sales.order;
