/**
 * The life of a record, written once for every resource (list, get, create, merge-patch, delete,
 * restore, erase, upsert, batch, history, team, transfer), the routes that expose it, and
 * References, which carries out declared relation rules through each resource's own service.
 */
package dev.headlesscrm.platform.records;
