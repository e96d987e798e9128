/**
 * Approvals (审批): one engine for the records that need someone's consent before they take effect
 * (quotes above a discount, contracts, payments). Administrators keep one active flow per resource
 * (/api/v1/approval-flows): ordered steps decided by the submitter's supervisor, a named employee,
 * any one of several (或签) or all of several (会签). Application code submits a record through {@link
 * dev.headlesscrm.platform.approval.ApprovalEngine}; approvers find it in GET
 * /api/v1/approvals/inbox and approve, reject or (the submitter) withdraw it, with comments. Rules
 * enforced here: only the current step's approvers decide, each once; any rejection rejects; the
 * last approval approves; a decided request never changes; a record has at most one pending request
 * and is locked while it has one; each transition is an {@code approval.*} event and a history
 * entry, and the record's {@link dev.headlesscrm.platform.approval.ApprovalListener}s hear the
 * outcome in the same transaction.
 */
package dev.headlesscrm.platform.approval;
