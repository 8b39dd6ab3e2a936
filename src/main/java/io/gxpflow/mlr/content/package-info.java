/**
 * The content model of {@code mlr-review}: a content version and its modules, the claims library,
 * the products' approved data. Immutable records, the input of the pre-check and the diff.
 */
package io.gxpflow.mlr.content;
