/** Service: domain. */
package dev.headlesscrm.support.domain;
