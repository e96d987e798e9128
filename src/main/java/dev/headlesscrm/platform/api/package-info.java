/**
 * The HTTP conventions of API.md, written once: RFC 9457 problems and the exception hierarchy that
 * produces them, constraint names mapped to problems, ETags and preconditions, JSON Merge Patch,
 * cursors and page shapes, language negotiation and input validation.
 */
package dev.headlesscrm.platform.api;
