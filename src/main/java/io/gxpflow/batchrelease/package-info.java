/**
 * Batch release with QP certification ({@code batch-release}): the judging of the release checks,
 * its delegates and listeners and its task card. May use compliance, identity and the integration
 * ports; other processes only through BPMN messages.
 */
package io.gxpflow.batchrelease;
