/** The REST and GraphQL faces of the event feed: thin, over the event services. */
package dev.headlesscrm.platform.events.api;
