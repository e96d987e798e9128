/**
 * The GraphQL face of resource metadata; REST serves it from MetadataResource (/api/v1/metadata).
 */
package dev.headlesscrm.platform.metadata.api;
