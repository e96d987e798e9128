/** The REST routes of custom field definitions; GraphQL derives its twins from them. */
package dev.headlesscrm.platform.customfields.api;
