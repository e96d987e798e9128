/** REST faces of commission rules, commissions and sales targets: thin. */
package dev.headlesscrm.sales.performance.api.rest;
