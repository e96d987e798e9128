/**
 * The customer's 360° timeline (客户全方位视图): every context contributes the rows it owns about a
 * customer as one SQL branch within the caller's permissions and data scope; the branches are
 * merged newest first with a keyset cursor, each branch read through its own index.
 */
package dev.headlesscrm.platform.timeline;
