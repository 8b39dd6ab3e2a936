package io.gxpflow.compliance.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret of the audit checkpoints: {@code mac = lowercase hex(HMAC-SHA256(key,
 * "gxpflow-audit-checkpoint\n" + seq + "\n" + hash))}. The key is never stored in the database:
 * whoever can write the database but does not hold the key cannot make a checkpoint for a chain
 * they rewrote. The key bytes are the UTF-8 bytes of the configured text ({@code
 * gxpflow.audit.checkpoint-key}, at least 32 characters).
 */
public final class CheckpointKey {

  static final int MIN_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final String DOMAIN = "gxpflow-audit-checkpoint";
  private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

  private final byte[] key;

  public CheckpointKey(String key) {
    if (key == null || key.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "gxpflow.audit.checkpoint-key must have at least " + MIN_LENGTH + " characters");
    }
    this.key = key.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The configured key, or else the one in {@code keyFile}, created (random, owner-only
   * permissions) if missing.
   */
  public static CheckpointKey configuredOrFile(String configured, Path keyFile) {
    if (configured != null && !configured.isBlank()) {
      return new CheckpointKey(configured.strip());
    }
    try {
      if (!Files.exists(keyFile)) {
        createKeyFile(keyFile);
        log.warn(
            "gxpflow.audit.checkpoint-key is not set: generated a checkpoint key in {} (owner read/write only)."
                + " Keep a copy outside the database host; whoever holds it can forge audit checkpoints. Production: give"
                + " GXPFLOW_AUDIT_CHECKPOINT_KEY from a secret store instead.",
            keyFile.toAbsolutePath());
      } else {
        log.info("Audit checkpoint key from {}", keyFile.toAbsolutePath());
      }
      return new CheckpointKey(Files.readString(keyFile, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or create the audit checkpoint key file " + keyFile, e);
    }
  }

  private static void createKeyFile(Path keyFile) throws IOException {
    Path dir = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String text = Base64.getEncoder().encodeToString(random) + "\n";
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(keyFile);
      }
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    Files.writeString(keyFile, text, StandardCharsets.UTF_8);
  }

  public String mac(long seq, String hash) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return HexFormat.of()
          .formatHex(
              mac.doFinal((DOMAIN + "\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Whether {@code mac} is the MAC of (seq, hash) under this key (constant-time comparison). */
  public boolean verifies(long seq, String hash, String mac) {
    return mac != null
        && MessageDigest.isEqual(
            mac(seq, hash).getBytes(StandardCharsets.US_ASCII),
            mac.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }
}
