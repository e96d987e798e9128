/**
 * Numbering rules (编号规则): how customers, contacts, contracts, payments, quotes and orders are
 * numbered, e.g. {@code KH{yyyyMMdd}{seq:4}} → KH202611230001. Rules enforced here: a pattern has
 * exactly one sequence token and only known tokens; a sequence that resets daily, monthly or yearly
 * is printed next to a date at least that fine; a number is never issued twice (one atomic counter
 * upsert per number, in its own transaction), while gaps are allowed (a caller that rolls back uses
 * a number up); changing the reset policy never restarts today's sequence below numbers already
 * issued. Rules are read by every principal and changed by administrators.
 */
package dev.headlesscrm.platform.numbering;
