package io.gxpflow.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Camunda Modeler's "Deploy" button, byte for byte what Modeler 5 sends: a multipart POST to {@code
 * /engine-rest/deployment/create} with {@code deployment-name}, {@code deployment-source=Camunda
 * Modeler}, {@code enable-duplicate-filtering=true} and the diagram as a part named after its file.
 */
public final class ModelerUpload {

  private ModelerUpload() {}

  public static ResponseEntity<String> deploy(
      TestRestTemplate client, String deploymentName, String file, Resource diagram) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", deploymentName);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.TEXT_XML);
    part.setContentDisposition(ContentDisposition.formData().name(file).filename(file).build());
    form.add(file, new HttpEntity<>(diagram, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity(
        "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
