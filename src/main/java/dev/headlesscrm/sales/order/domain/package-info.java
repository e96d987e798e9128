/** Quote, contract and sales order entities with their lines, and their status machines (pure). */
package dev.headlesscrm.sales.order.domain;
