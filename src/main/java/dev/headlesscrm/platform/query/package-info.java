/**
 * Resource declarations (ResourceSpec: fields, relations with their delete and merge rules, traits)
 * and what lists derive from them: the RSQL filter compiler, keyset paging, sorting, counting,
 * free-text search conditions, projection and expand.
 */
package dev.headlesscrm.platform.query;
