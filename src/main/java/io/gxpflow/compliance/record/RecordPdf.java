package io.gxpflow.compliance.record;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.logging.Level;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The GxP record as a PDF/A-1b file (ISO 19005-1, level B: the archive format inspectors expect),
 * from the record page's XHTML (template {@code record.html}) with openhtmltopdf on PDFBox.
 *
 * <p>What the XHTML may rely on:
 *
 * <ul>
 *   <li>Well-formed XHTML ({@code <html xmlns="http://www.w3.org/1999/xhtml" lang="en">}); the
 *       {@code lang} becomes the document language. A4 unless {@code @page { size: ... }} says
 *       otherwise.
 *   <li>One font, embedded: Liberation Sans Regular (in the PDFBox jar). Write {@code font-family:
 *       'Liberation Sans'}; any other family (monospace, serif, the default of {@code <code>}) is
 *       drawn in it too, never in a non-embedded PDF base-14 font. There is no bold or italic face:
 *       {@code font-weight: bold} is drawn stroked, {@code font-style: italic} slanted. No
 *       {@code @font-face}.
 *   <li>Nothing outside the string is read, since the page carries user-entered text: images,
 *       style sheets and fonts by URI ({@code http:}, {@code file:}, relative, {@code data:}) are
 *       refused and left out. Styles go in {@code <style>}; no pictures.
 *   <li>"page n of m" in a footer on every page (CSS paged media, as tested in RecordPdfTest):
 *       <pre>{@code
 * <style>
 *   @page { size: A4; margin: 20mm 15mm 25mm 15mm;
 *           @bottom-center { content: element(footer); } }
 *   #footer { position: running(footer); font-size: 8pt; }
 *   .page::after { content: counter(page); }
 *   .pages::after { content: counter(pages); }
 * </style>
 * <body>
 *   <div id="footer">Record MLR-42 - generated 2026-01-05T10:00:00Z -
 *     page <span class="page"></span> of <span class="pages"></span></div>
 *   ... the record ...
 * }</pre>
 *       The running element must come before the content it is to appear with, so put it first in
 *       {@code <body>}.
 *   <li>PDF/A-1 has no transparency (no {@code opacity}, no {@code rgba()} with alpha) and no
 *       form fields: no {@code <input>}, {@code <select>}, {@code <textarea>} (openhtmltopdf would
 *       add an AcroForm with non-embedded Helvetica).
 *   <li>A table that spans pages repeats its {@code <thead>} with {@code table {
 *       -fs-table-paginate: paginate; }}; {@code tr { page-break-inside: avoid; }} keeps rows
 *       whole.
 * </ul>
 *
 * <p>{@code title} becomes the PDF's title (document information and XMP metadata), replacing any
 * {@code <title>} of the page.
 */
@Component
public class RecordPdf {

  private static final String FONT_FAMILY = "Liberation Sans";
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final byte[] FONT_BYTES = resource(FONT);
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static {
    XRLog.setLoggerImpl(new Slf4jXrLogger());
  }

  /** The PDF/A-1b file of {@code xhtml}; {@link RecordPdfFailed} when it cannot be made. */
  public byte[] render(String xhtml, String title) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder
          .usePdfAConformance(PdfAConformance.PDFA_1_B)
          .useColorProfile(SRGB)
          .useDefaultPageSize(210, 297, PageSizeUnits.MM)
          // one font for every text, whatever family, weight or style the CSS asks for: a
          // fallback font is what openhtmltopdf draws with when no registered family matches (under
          // PDF/A it has no base-14 fonts), and registering it once makes it one embedded subset
          .useFont(
              () -> new ByteArrayInputStream(FONT_BYTES),
              FONT_FAMILY,
              400,
              FontStyle.NORMAL,
              true,
              EnumSet.of(FSFontUseCase.FALLBACK_PRE))
          // nothing is fetched: the page carries user-entered text
          .useUriResolver((base, uri) -> null)
          .useExternalResourceAccessControl(
              (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
          .useExternalResourceAccessControl(
              (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
          .addDOMMutator(document -> title(document, title))
          .withHtmlContent(xhtml, null);
      try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
          PDDocument document = renderer.createPDFKeepOpen()) {
        // PDF/A-1 is PDF 1.4: no cross-reference or object streams, which PDFBox 3 writes by
        // default and openhtmltopdf 1.1.31 does not turn off
        document.save(pdf, CompressParameters.NO_COMPRESSION);
      }
    } catch (IOException | RuntimeException e) {
      throw new RecordPdfFailed(e);
    }
    return pdf.toByteArray();
  }

  /** {@code <head><title>title</title>}, the source of the PDF's title; no other title. */
  private static void title(Document document, String title) {
    Element html = document.getDocumentElement();
    Element head = child(html, "head");
    if (head == null) {
      head = document.createElementNS(html.getNamespaceURI(), "head");
      html.insertBefore(head, html.getFirstChild());
    }
    // a <meta name="title"> would win over <title>
    for (Node node = head.getFirstChild(); node != null; ) {
      Node next = node.getNextSibling();
      if (node instanceof Element e
          && ("title".equals(e.getLocalName())
              || "meta".equals(e.getLocalName()) && "title".equals(e.getAttribute("name")))) {
        head.removeChild(e);
      }
      node = next;
    }
    Element element = document.createElementNS(html.getNamespaceURI(), "title");
    element.setTextContent(title);
    head.appendChild(element);
  }

  private static Element child(Element parent, String localName) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static byte[] resource(String path) {
    try (InputStream in = RecordPdf.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the classpath (PDFBox jar)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * openhtmltopdf's messages in the application's log (by default it prints them to stderr with its
   * own handler), its INFO chatter (timings, fonts loaded) at DEBUG.
   */
  private static final class Slf4jXrLogger implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
      log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
      Logger logger = LoggerFactory.getLogger(where);
      if (level.intValue() >= Level.SEVERE.intValue()) {
        logger.error(msg, th);
      } else if (level.intValue() >= Level.WARNING.intValue()) {
        logger.warn(msg, th);
      } else {
        logger.debug(msg, th);
      }
    }

    @Override
    public void setLevel(String logger, Level level) {
      // levels are the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
      return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
          ? logger.isWarnEnabled()
          : logger.isDebugEnabled();
    }
  }

  /** The XHTML could not be turned into a PDF (not well-formed, or the renderer failed). */
  public static class RecordPdfFailed extends RuntimeException {
    RecordPdfFailed(Exception cause) {
      super("The record could not be rendered as PDF/A", cause);
    }
  }
}
