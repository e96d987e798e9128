/** The GraphQL face of record history (REST serves it on each resource's /{id}/history). */
package dev.headlesscrm.platform.audit.api;
