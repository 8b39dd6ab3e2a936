/**
 * Other systems: per system (MES, QMS, CRM) a port, its HTTP interface and client, and the
 * documents; the audited call path ({@code SystemCalls}); {@code contract/} the operation and
 * header names the simulators share; {@code connect/} the Camunda Connect connectors models use to
 * call them without Java; inbound events. May use compliance; no process package.
 */
package io.gxpflow.integration;
