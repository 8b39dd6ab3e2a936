package io.gxpflow.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README shows each process as a picture drawn from its model (docs/images/&lt;model&gt;.png,
 * by {@code bash .ci/pictures}). Beside each picture lies the SHA-256 of the model it was drawn
 * from; a model changed since then fails here, so no reader looks at a diagram that is not the
 * process that runs. File dates are no help: a fresh clone gives every file the same one.
 */
class DiagramImagesTest {

  static final Path MODELS = Path.of("bpmn");
  static final Path IMAGES = Path.of("docs", "images");

  @Test
  void everyProcessModelHasAPictureDrawnFromItsCurrentVersion()
      throws IOException, NoSuchAlgorithmException {
    List<Path> models;
    try (Stream<Path> files = Files.list(MODELS)) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      String name = model.getFileName().toString().replaceFirst("\\.bpmn$", ".png");
      Path picture = IMAGES.resolve(name);
      Path drawnFrom = IMAGES.resolve(name + ".sha256");
      assertThat(picture).as("picture of %s (bash .ci/pictures)", model).isRegularFile();
      assertThat(drawnFrom).as("model hash beside %s", picture).isRegularFile();
      assertThat(Files.readString(drawnFrom).strip())
          .as(
              "%s changed since %s was drawn: run bash .ci/pictures and commit the picture",
              model, picture)
          .isEqualTo(sha256(model));
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
