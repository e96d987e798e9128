/** Lead services, inputs, views, the conversion command and result, and the lead declaration. */
package dev.headlesscrm.sales.lead.application;
