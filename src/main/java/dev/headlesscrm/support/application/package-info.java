/** Service: application. */
package dev.headlesscrm.support.application;
