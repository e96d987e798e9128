/** The GraphQL face of commission rules, commissions and sales targets. */
package dev.headlesscrm.sales.performance.api.graphql;
