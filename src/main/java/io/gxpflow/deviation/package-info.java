/**
 * Deviation → CAPA ({@code deviation-capa}): its delegates, services, controllers, task card and
 * KPIs. May use compliance, identity and the integration ports; other processes only through BPMN
 * messages.
 */
package io.gxpflow.deviation;
