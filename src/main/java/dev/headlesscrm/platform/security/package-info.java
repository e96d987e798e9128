/**
 * Who the caller is and what they may do: function permissions, data scope, team access and field
 * masks, decided here and applied to every route, GraphQL field, export row, history entry and
 * event.
 */
package dev.headlesscrm.platform.security;
