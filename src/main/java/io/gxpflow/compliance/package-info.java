/**
 * The GxP layer every process uses: audit trail, Part 11 signatures, segregation of duties,
 * server-side input validation, guarded engine services and problem details. May use the engine,
 * Spring and identity (a signer's printed name); no process package.
 */
package io.gxpflow.compliance;
