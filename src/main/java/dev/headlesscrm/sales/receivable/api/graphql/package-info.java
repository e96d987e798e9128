/** The GraphQL face of payment plans, payments and receivables due. */
package dev.headlesscrm.sales.receivable.api.graphql;
