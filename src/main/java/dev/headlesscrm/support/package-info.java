/**
 * Service (服务管理, "support" so that the word keeps its CDI meaning): service requests (服务请求) worked
 * through a status machine, and their SLA — business calendars with working hours, breaks, holidays
 * and 调休 make-up days, policies chosen by conditions in rank order, and per-request timers (first
 * response, next response, resolution) that pause while the request waits for the customer and
 * resume where they stopped, marked warning and breached by a job safe on several replicas.
 * Customers are read through the platform's references, not the customer context.
 */
package dev.headlesscrm.support;
