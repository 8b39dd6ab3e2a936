/**
 * {@code mlr-review}: Medical-Legal-Regulatory review of promotional content (issue 14, being
 * built). So far its plain parts: the automated pre-check ({@code precheck}) and "review what
 * changed", the module and word diff ({@code diff}). May use compliance, identity and integration,
 * like every process package.
 */
package io.gxpflow.mlr;
