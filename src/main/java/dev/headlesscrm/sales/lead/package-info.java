/**
 * Leads (线索): unqualified interest, worked through its status machine (LeadStates), checked for
 * duplicates against leads and customers (查重), and converted (转化) at once into a customer (new or
 * existing), a contact and optionally an opportunity, through the customer and pipeline application
 * services. A converted lead is final.
 */
package dev.headlesscrm.sales.lead;
