/** The GraphQL face of quotes, contracts and sales orders: the same services as REST. */
package dev.headlesscrm.sales.order.api.graphql;
