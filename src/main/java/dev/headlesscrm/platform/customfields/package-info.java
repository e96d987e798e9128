/**
 * Custom fields administrators define per resource without a release: the definitions (a record
 * resource of their own), the rules that validate and canonicalise values on every write path, the
 * run-time list fields that make {@code custom.<key>} filterable and sortable, and the indexes a
 * definition creates.
 */
package dev.headlesscrm.platform.customfields;
