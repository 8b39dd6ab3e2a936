package io.gxpflow.compliance.engine;

import io.gxpflow.compliance.EngineContext;
import io.gxpflow.compliance.Sha256;
import io.gxpflow.compliance.audit.AuditEvent;
import io.gxpflow.compliance.audit.AuditEventTypes;
import io.gxpflow.compliance.audit.AuditTrail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * A model change is a GxP change: every new deployment is audited with who deployed it, from where,
 * and a SHA-256 of each resource, in the deployment's own transaction. (Deployers also run when a
 * deployment is loaded into the cache again; only new deployments are recorded.)
 */
public class DeploymentAuditor implements Deployer {

  private final AuditTrail auditTrail;

  public DeploymentAuditor(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, String> checksums = new TreeMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      checksums.put(resource.getName(), Sha256.hex(resource.getBytes()));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deploymentId", deployment.getId());
    details.put("name", deployment.getName());
    details.put("source", deployment.getSource());
    details.put("resources", checksums);
    auditTrail.record(
        new AuditEvent(
            AuditEventTypes.DEPLOYMENT, EngineContext.actor(), null, null, null, null, details));
  }
}
