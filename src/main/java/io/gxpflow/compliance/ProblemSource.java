package io.gxpflow.compliance;

import org.springframework.http.ProblemDetail;

/** An exception that knows the RFC 9457 problem detail a client should get for it. */
public interface ProblemSource {

  ProblemDetail problem();
}
