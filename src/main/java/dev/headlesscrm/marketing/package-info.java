/**
 * Marketing (市场管理): campaigns (营销活动) with their type, channel, period, budget and cost, worked
 * through a status machine (CampaignStates), and their target lists (目标客户列表): the customers a
 * campaign contacts, when, and how they responded. Marketing reads customers through the customer
 * context's application services and answers its question about planned marketing contacts (the
 * care-before-marketing rule) through the port the customer context declares.
 */
package dev.headlesscrm.marketing;
