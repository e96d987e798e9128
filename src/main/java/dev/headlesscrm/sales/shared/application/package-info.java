/** Shared sales application code; see the shared package. */
package dev.headlesscrm.sales.shared.application;
