package io.gxpflow.compliance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gxpflow.compliance.record.RecordPdf.RecordPdfFailed;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record PDF is a valid PDF/A-1b file with every font embedded, the text of the page in it
 * (names, UTC times, signature meanings, non-ASCII characters), "page n of m" on every page, and
 * nothing fetched from outside the XHTML string.
 */
class RecordPdfTest {

  private static final int ROWS = 120;
  private static final String TITLE = "GxP record MLR-2026-0042";

  /** A subset of Liberation Sans, e.g. {@code AAAURG+LiberationSans}. */
  private static final Predicate<String> onlyTheRecordFont =
      Pattern.compile("[A-Z]{6}\\+LiberationSans").asMatchPredicate();

  private final RecordPdf recordPdf = new RecordPdf();

  @TempDir Path dir;

  @Test
  void rendersAValidPdfA1bWithEveryRowThePageNumbersAndOnlyTheEmbeddedFont() throws IOException {
    byte[] pdf = recordPdf.render(record("", ""), TITLE);

    Path file = dir.resolve("record.pdf");
    Files.write(file, pdf);
    ValidationResult result = PreflightParser.validate(file.toFile());
    assertThat(result.getErrorsList())
        .as("PDF/A-1b preflight errors")
        .extracting(
            e -> e.getErrorCode() + " " + e.getDetails() + " (page " + e.getPageNumber() + ")")
        .isEmpty();
    assertThat(result.isValid()).isTrue();

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo(TITLE);

      String text = text(document, 1, pages);
      assertThat(text)
          .contains("Dr. Zoë Müller-Żak")
          .contains("2026-01-05T10:15:30Z")
          .contains("Approved as medically accurate")
          .contains("≥ 5 µg/mL, café, Grüße")
          .contains("SOP-QA-017 µ≥é");
      for (int row = 1; row <= ROWS; row++) {
        assertThat(text).contains(row(row));
      }
      for (int page = 1; page <= pages; page++) {
        String onPage = text(document, page, page);
        assertThat(onPage)
            .as("footer of page " + page)
            .contains("Record MLR-2026-0042 generated 2026-01-05T11:00:00Z")
            .contains("page " + page + " of " + pages);
      }

      List<PDFont> fonts = fonts(document);
      assertThat(fonts).isNotEmpty();
      assertThat(fonts).allMatch(PDFont::isEmbedded, "embedded");
      assertThat(fonts).extracting(PDFont::getName).allMatch(onlyTheRecordFont);
    }
  }

  @Test
  void fetchesNoImageStyleSheetOrFontFromOutsideTheString() throws IOException {
    Path picture = dir.resolve("logo.png");
    ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
    try (ServerSocket server = new ServerSocket(0)) {
      String http = "http://127.0.0.1:" + server.getLocalPort();
      String head =
          """
          <link rel="stylesheet" href="%1$s/style.css"/>
          <style>
            @import url('%1$s/import.css');
            @font-face { font-family: 'Remote'; src: url('%1$s/remote.ttf'); }
            .remote { font-family: 'Remote'; background-image: url('%1$s/bg.png'); }
          </style>
          """
              .formatted(http);
      String body =
          """
          <img src="%1$s/logo.png"/><img src="%2$s"/><img src="logo.png"/>
          <p class="remote">in a remote font</p>
          """
              .formatted(http, picture.toUri());

      byte[] pdf = recordPdf.render(record(head, body), TITLE);

      // a connection the renderer opened waits in the backlog even if it was closed since
      server.setSoTimeout(300);
      assertThatThrownBy(
              () -> {
                try (Socket connection = server.accept()) {
                  // nothing: accepting is the failure
                }
              })
          .as("a connection to " + http)
          .isInstanceOf(SocketTimeoutException.class);
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertThat(text(document, 1, document.getNumberOfPages())).contains("in a remote font");
        assertThat(fonts(document)).extracting(PDFont::getName).allMatch(onlyTheRecordFont);
        for (PDPage page : document.getPages()) {
          for (COSName name : page.getResources().getXObjectNames()) {
            assertThat(page.getResources().isImageXObject(name)).as("an image on a page").isFalse();
          }
        }
      }
    }
  }

  @Test
  void xhtmlThatIsNotWellFormedFailsWithAClearMessage() {
    assertThatThrownBy(() -> recordPdf.render("<html><body><p>unclosed</body></html>", TITLE))
        .isInstanceOf(RecordPdfFailed.class)
        .hasMessage("The record could not be rendered as PDF/A");
  }

  /** A record page as the template writes it, {@code extraHead} and {@code extraBody} added. */
  private static String record(String extraHead, String extraBody) {
    String rows =
        IntStream.rangeClosed(1, ROWS)
            .mapToObj(
                row ->
                    "<tr><td>%d</td><td>%s</td></tr>"
                        .formatted(row, row(row).substring(String.valueOf(row).length() + 1)))
            .collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
          <title>ignored: the caller's title wins</title>
          <style>
            @page { size: A4; margin: 20mm 15mm 25mm 15mm;
                    @bottom-center { content: element(footer); } }
            body, #footer { font-family: 'Liberation Sans'; font-size: 10pt; }
            #footer { position: running(footer); font-size: 8pt; }
            .page::after { content: counter(page); }
            .pages::after { content: counter(pages); }
            table { border-collapse: collapse; width: 100%%; -fs-table-paginate: paginate; }
            tr { page-break-inside: avoid; }
            td, th { border: 1px solid #444; padding: 2pt 4pt; text-align: left; }
            h1 { font-size: 16pt; }
          </style>
          %s
        </head>
        <body>
          <div id="footer">Record MLR-2026-0042 generated 2026-01-05T11:00:00Z
            page <span class="page"></span> of <span class="pages"></span></div>
          <h1>GxP record MLR-2026-0042</h1>
          <p>Process: MLR review, <b>approved</b>; procedure <code>SOP-QA-017 µ≥é</code>;
            <i>claim: ≥ 5 µg/mL, café, Grüße</i></p>
          <table>
            <thead><tr><th>#</th><th>Event</th></tr></thead>
            <tbody>
        %s
            </tbody>
          </table>
          <div class="signature">
            <h2>Signatures</h2>
            <p>Printed name: Dr. Zoë Müller-Żak</p>
            <p>Signed at (UTC): 2026-01-05T10:15:30Z</p>
            <p>Meaning: Approved as medically accurate</p>
          </div>
          %s
        </body>
        </html>
        """
        .formatted(extraHead, rows, extraBody);
  }

  /** The text of table row {@code row} as the text stripper reads it. */
  private static String row(int row) {
    return "%d Task completed by reviewer-%d at 2026-01-05T%02d:%02d:00Z"
        .formatted(row, row, 9 + row / 60, row % 60);
  }

  /** The text of pages {@code first} to {@code last}, in reading order. */
  private static String text(PDDocument document, int first, int last) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    // openhtmltopdf draws inline boxes and page counters after the text around them
    stripper.setSortByPosition(true);
    stripper.setStartPage(first);
    stripper.setEndPage(last);
    return stripper.getText(document);
  }

  private static List<PDFont> fonts(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    return fonts;
  }
}
