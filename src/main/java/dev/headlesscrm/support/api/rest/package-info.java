/** Service: api/rest. */
package dev.headlesscrm.support.api.rest;
