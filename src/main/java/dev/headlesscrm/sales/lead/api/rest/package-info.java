/** The REST face of leads (/api/v1/leads): thin, over LeadService. */
package dev.headlesscrm.sales.lead.api.rest;
