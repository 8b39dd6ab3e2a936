package io.gxpflow.compliance.record;

import io.gxpflow.compliance.record.GxpRecord.Fact;
import io.gxpflow.compliance.record.GxpRecord.Link;
import java.util.List;

/**
 * What one process adds to its GxP records: the title, the header and the records linked to it (the
 * deviation's batches, the batch's deviations, the content item's claims). One Spring bean per
 * process, found by the definition key of the record; a process without one gets a record with the
 * generic header only. Everything is read from {@link RecordFacts} (the audit trail) or the
 * project's own tables, never from Camunda history alone, so the record outlives history cleanup.
 */
public interface RecordProfile {

  /** The process whose records this describes. */
  String processDefinitionKey();

  /** What the record is about, in one line: a deviation's title, a batch's product. */
  String title(RecordFacts facts);

  /** The header after the generic lines (record, status, started), in the order shown. */
  List<Fact> header(RecordFacts facts);

  /** The records linked to this one. */
  List<Link> links(RecordFacts facts);
}
