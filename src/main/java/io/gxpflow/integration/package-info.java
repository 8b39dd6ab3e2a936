/**
 * Other systems: one port, HTTP client and documents per system (MES, QMS, CRM), the audited call path
 * ({@code SystemCalls}), inbound events and the demo simulators. May use compliance; no process package.
 */
package io.gxpflow.integration;
