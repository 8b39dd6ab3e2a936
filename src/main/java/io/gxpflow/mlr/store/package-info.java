/**
 * The JDBC side of {@code mlr-review}'s ports (Liquibase {@code 0020-mlr-content.yaml}): content
 * items and their immutable versions, the claims library, the products' approved data, the
 * pre-approved modules, pre-check runs and module comments; every write audited in the same
 * transaction. Also the demo seed ({@link MlrDemoData}).
 */
package io.gxpflow.mlr.store;
