/** The campaign and campaign member entities, and the campaign status machine. */
package dev.headlesscrm.marketing.domain;
