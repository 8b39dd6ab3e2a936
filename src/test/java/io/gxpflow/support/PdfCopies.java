package io.gxpflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** A PDF copy read back as an inspector's tools would: validated as PDF/A, its text per page. */
public final class PdfCopies {

  private PdfCopies() {}

  /** Fails unless PDFBox's preflight finds the file a valid PDF/A-1b, naming every error. */
  public static void assertPdfA(byte[] pdf) {
    try {
      Path file = Files.createTempFile("gxp-record", ".pdf");
      try {
        Files.write(file, pdf);
        ValidationResult result = PreflightParser.validate(file.toFile());
        assertThat(result.getErrorsList())
            .as("PDF/A-1b preflight errors")
            .extracting(e -> e.getErrorCode() + " " + e.getDetails())
            .isEmpty();
        assertThat(result.isValid()).isTrue();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The PDF copy of a record as a demo user (password = user id) downloads it, checked as PDF/A;
   * its text, pages joined and white space collapsed.
   */
  public static String recordText(TestRestTemplate rest, String user, String businessKey) {
    return String.join("\n", pages(download(rest, user, businessKey))).replaceAll("\\s+", " ");
  }

  /**
   * The PDF copy of a record as a demo user (password = user id) downloads it: a PDF/A file named
   * after the record.
   */
  public static byte[] download(TestRestTemplate rest, String user, String businessKey) {
    ResponseEntity<byte[]> download =
        rest.withBasicAuth(user, user)
            .getForEntity("/api/records/" + businessKey + ".pdf", byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(download.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(businessKey + ".pdf");
    assertPdfA(download.getBody());
    return download.getBody();
  }

  /** The text of each page, in reading order. */
  public static List<String> pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      // openhtmltopdf draws inline boxes and page counters after the text around them
      stripper.setSortByPosition(true);
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
