/**
 * What each pod keeps in memory of data that changes rarely (roles and their grants, the
 * organisation), and how every pod learns that it changed: versions the database bumps in the same
 * transaction as the change, watched by every pod, so that nothing in one pod's memory is needed by
 * another and a change is in force everywhere within a fraction of a second.
 */
package dev.headlesscrm.platform.cache;
