/**
 * What every GraphQL face shares: Relay connections, inputs turned into the same merge patches REST
 * uses, batched relation loading, and errors carrying the REST problem's code and status.
 */
package dev.headlesscrm.platform.graphql;
