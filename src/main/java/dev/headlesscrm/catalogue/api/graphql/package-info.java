/** The GraphQL face of the catalogue: products and categories over the same services as REST. */
package dev.headlesscrm.catalogue.api.graphql;
