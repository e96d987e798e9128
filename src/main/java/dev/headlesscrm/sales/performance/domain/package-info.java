/** Commission, rule and target entities and the pure rules: selection, calculation, states. */
package dev.headlesscrm.sales.performance.domain;
