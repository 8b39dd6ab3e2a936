/**
 * "Review only what changed" of {@code mlr-review} (issue 14, step 3): the module diff of a new
 * content version against the last approved one and against the pre-approved modules it reuses, the
 * word diff inside a changed module, and the reuse rate. Plain Java without engine or Spring: the
 * inputs are {@link io.gxpflow.mlr.diff.ModuleText} lists, the result a {@link
 * io.gxpflow.mlr.diff.VersionDiff} that the REST API returns as JSON. Rules and decisions:
 * docs/processes/mlr-review.md, "Review what changed".
 */
package io.gxpflow.mlr.diff;
