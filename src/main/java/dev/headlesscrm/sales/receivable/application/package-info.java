/** Payment plan and payment services, inputs, views and their declarations. */
package dev.headlesscrm.sales.receivable.application;
