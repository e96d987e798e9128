/**
 * The REST and GraphQL faces of dictionaries (/api/v1/dictionaries): thin, over DictionaryService.
 */
package dev.headlesscrm.platform.dictionary.api;
