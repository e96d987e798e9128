/**
 * What several sales aggregates share and no single one owns: the hand-off of documents to the
 * approval engine and back (SalesApprovals, SalesApprovalListeners), the customer and contact
 * references documents make (SalesReferences) and small value conversions (SalesValues). It depends
 * on no aggregate.
 */
package dev.headlesscrm.sales.shared;
