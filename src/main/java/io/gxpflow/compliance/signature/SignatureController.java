package io.gxpflow.compliance.signature;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Electronic signatures over HTTP: sign a signature step, read the manifests of a record. */
@RestController
@RequestMapping("/api")
public class SignatureController {

  private final SignatureService signatures;

  public SignatureController(SignatureService signatures) {
    this.signatures = signatures;
  }

  /**
   * The step to sign: meaning, signer and the fields of its form (for the Tasklist signature
   * plugin).
   */
  @GetMapping("/tasks/{taskId}/signature")
  public SignatureStep step(@PathVariable String taskId, Authentication signer) {
    return signatures.describe(signer.getName(), taskId);
  }

  /** Signs and completes the task as the authenticated user; 201 with the signature manifest. */
  @PostMapping("/tasks/{taskId}/signature")
  @ResponseStatus(HttpStatus.CREATED)
  public SignatureManifest sign(
      @PathVariable String taskId, @RequestBody SignatureRequest request, Authentication signer) {
    return signatures.sign(signer.getName(), taskId, request);
  }

  @GetMapping("/signatures")
  public List<SignatureManifest> manifests(@RequestParam String businessKey) {
    return signatures.findByBusinessKey(businessKey);
  }
}
