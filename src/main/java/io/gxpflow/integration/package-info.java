/**
 * Other systems: one port, HTTP client and documents per system (MES, QMS, CRM), the audited call path
 * ({@code SystemCalls}) and inbound events. May use compliance; no process package.
 */
package io.gxpflow.integration;
