/**
 * Streaming CSV and XLSX exports of any list: columns derived from the view record, hidden fields
 * left out, constant memory however many rows.
 */
package dev.headlesscrm.platform.export;
