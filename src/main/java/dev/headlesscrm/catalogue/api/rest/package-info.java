/** REST faces of the catalogue (/api/v1/products, /api/v1/product-categories): thin. */
package dev.headlesscrm.catalogue.api.rest;
