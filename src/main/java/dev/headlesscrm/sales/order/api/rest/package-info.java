/** REST faces of quotes, contracts and sales orders: thin, over their services. */
package dev.headlesscrm.sales.order.api.rest;
