/** Pipeline, stage and opportunity entities, and the opportunity status machine (pure). */
package dev.headlesscrm.sales.pipeline.domain;
