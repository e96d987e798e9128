/** The GraphQL face of leads: the same service as REST. */
package dev.headlesscrm.sales.lead.api.graphql;
