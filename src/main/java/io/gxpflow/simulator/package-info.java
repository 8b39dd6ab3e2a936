/**
 * The demo's stand-ins for the company's MES, QMS and CRM ({@code /sim/*}, fault injection): demo
 * profile only. Uses Spring, JDBC and of the platform only {@code integration.contract}: it plays
 * another company's system, so not the ports, but serves the wire contract they call, and its
 * faults target the operations the client names.
 */
package io.gxpflow.simulator;
