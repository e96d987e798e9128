/**
 * Fixed state machines (contracts, quotes, orders...): allowed transitions declared once; a refused
 * one is a 409 naming the allowed ones.
 */
package dev.headlesscrm.platform.state;
