/** Service: api/graphql. */
package dev.headlesscrm.support.api.graphql;
