/** Quote, contract and sales order services, inputs, views, priced lines and declarations. */
package dev.headlesscrm.sales.order.application;
