package io.gxpflow.mlr.precheck;

import java.util.List;

/** One rule of the pre-check: the findings it has on a content version, in module order. */
interface PrecheckRule {

  List<Finding> check(PrecheckContext context);
}
