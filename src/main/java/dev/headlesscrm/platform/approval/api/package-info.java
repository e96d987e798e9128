/** The REST and GraphQL faces of approval flows and approvals: thin, over the approval engine. */
package dev.headlesscrm.platform.approval.api;
