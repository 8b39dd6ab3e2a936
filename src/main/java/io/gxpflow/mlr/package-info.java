/**
 * {@code mlr-review}: Medical-Legal-Regulatory review of promotional content (issue 14): the
 * process's delegates and listeners ({@code review}), the automated pre-check ({@code precheck})
 * and "review what changed", the module and word diff ({@code diff}); the content model and its
 * markup ({@code content}); the content store, claims library and demo data ({@code store}, JDBC),
 * {@code /api/mlr/...} ({@code api}) and its KPIs ({@code kpi}). The pre-check's parameters
 * (phrases, fair balance, weights) are DMN tables in {@code bpmn/mlr-*.dmn} that process owners
 * change in Modeler (docs/processes/mlr-review.md). May use compliance, identity and integration,
 * like every process package, and the working-day calendar of engine.expression for the review SLA.
 */
package io.gxpflow.mlr;
