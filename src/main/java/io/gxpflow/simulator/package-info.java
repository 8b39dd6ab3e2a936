/**
 * The demo's stand-ins for the company's MES, QMS and CRM ({@code /sim/*}, fault injection): demo profile only.
 * Uses Spring and JDBC, none of the platform: it plays another company's system.
 */
package io.gxpflow.simulator;
