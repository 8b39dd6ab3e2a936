/**
 * The wire contract GxP Flow and the systems it calls share: operation names and header names,
 * plain constants. The only part of the platform the simulators may use (they serve the same
 * contract from the other side).
 */
package io.gxpflow.integration.contract;
