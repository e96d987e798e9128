/** Marketing's REST resources. */
package dev.headlesscrm.marketing.api.rest;
