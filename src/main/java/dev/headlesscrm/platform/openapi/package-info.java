/**
 * Contract shaping: what SmallRye's scan cannot know (stable operationIds of inherited record
 * routes, security schemes, problem responses) added once to the OpenAPI document.
 */
package dev.headlesscrm.platform.openapi;
