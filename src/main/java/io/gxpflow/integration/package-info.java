/**
 * Other systems: one port, HTTP client and documents per system (MES, QMS, CRM), the audited call path
 * ({@code SystemCalls}), the Camunda Connect connectors models use to call it without Java ({@code connect/}),
 * inbound events and the demo simulators. May use compliance; no process package.
 */
package io.gxpflow.integration;
