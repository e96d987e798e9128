/** Campaign and target-list services, their declarations, views and inputs. */
package dev.headlesscrm.marketing.application;
