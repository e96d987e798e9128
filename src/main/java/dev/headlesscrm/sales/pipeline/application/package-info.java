/** Pipeline and opportunity services, inputs, views, stage visits and their declarations. */
package dev.headlesscrm.sales.pipeline.application;
