/** The GraphQL face of pipelines and opportunities: the same services as REST. */
package dev.headlesscrm.sales.pipeline.api.graphql;
