/** Payment plan and payment entities, their statuses and methods, the payment status machine. */
package dev.headlesscrm.sales.receivable.domain;
