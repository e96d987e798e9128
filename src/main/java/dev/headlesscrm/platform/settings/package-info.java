/**
 * System parameters (系统参数) with typed values and their defaults, e.g. decimal places per kind of
 * amount.
 */
package dev.headlesscrm.platform.settings;
