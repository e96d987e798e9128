/** Commission, rule and target services, the actuals they read, inputs, views, declarations. */
package dev.headlesscrm.sales.performance.application;
