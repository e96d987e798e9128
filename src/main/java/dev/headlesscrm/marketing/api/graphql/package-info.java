/** Marketing's GraphQL actions. */
package dev.headlesscrm.marketing.api.graphql;
