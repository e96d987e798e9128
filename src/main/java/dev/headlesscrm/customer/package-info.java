/**
 * Customers and contacts (客户管理): the centre of the CRM. Owns customers (number from a numbering
 * rule, 助记码 from the name's pinyin initials, a parent hierarchy without cycles, dictionaries for
 * industry/level/type/status/source/credit rating, credit limit ≥ 0, owner and owner department),
 * contacts (many per customer, reports-to within the same customer, age derived from birthday,
 * anonymised on erase), and the customer actions copy, merge and duplicate check. Every generic
 * behaviour (lists, writes, history, events, batch, export) comes from the platform.
 */
package dev.headlesscrm.customer;
