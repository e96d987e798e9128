/**
 * Dictionaries (数据字典): the value lists that users configure for coded fields of any resource
 * (industry, level, source, loss reason...), stored in dictionary tables, not Java enums. Owns the
 * entries (code, labels, order, active), the check that a coded value names an active entry, and
 * the options the metadata service offers per field. Which field draws from which dictionary comes
 * from each resource's declaration; the platform knows no context.
 */
package dev.headlesscrm.platform.dictionary;
