/** REST faces of pipelines and opportunities: thin, over their services. */
package dev.headlesscrm.sales.pipeline.api.rest;
