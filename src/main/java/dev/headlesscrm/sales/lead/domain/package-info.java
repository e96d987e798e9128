/** The lead entity, its rating and status, and the lead status machine (pure, unit-tested). */
package dev.headlesscrm.sales.lead.domain;
