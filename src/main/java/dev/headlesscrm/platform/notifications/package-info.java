/**
 * The in-app notification inbox (站内通知): what falls to one employee (a pool warning, a record
 * transferred or shared to them, a task assigned, an approval to decide), written once by whoever
 * decides it, each also an event only its recipient sees.
 */
package dev.headlesscrm.platform.notifications;
