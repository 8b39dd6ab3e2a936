/**
 * Other systems: per system (MES, QMS, CRM) a port, its HTTP interface and client, and the documents; the audited
 * call path ({@code SystemCalls}); {@code contract/} the operation and header names the simulators share; inbound
 * events. May use compliance; no process package.
 */
package io.gxpflow.integration;
