/** REST faces of payment plans, payments and receivables due: thin, over their services. */
package dev.headlesscrm.sales.receivable.api.rest;
