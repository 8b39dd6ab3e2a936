/**
 * {@code /api/mlr/...}: the claims library (read, add, withdraw), content submissions that start
 * {@code mlr-review}, and the items with their versions and pre-check findings. Who may call what
 * is decided by the web security rules (identity.SecurityConfiguration); engine work runs as the
 * system ({@code RunAsSystem}) with the caller recorded explicitly.
 */
package io.gxpflow.mlr.api;
