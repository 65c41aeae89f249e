package funnelcast.cli;

import funnelcast.calibrate.History;
import funnelcast.calibrate.HistoryReader;
import funnelcast.calibrate.OpportunityReader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** How to read a one-row-per-deal CRM export instead of an event log. */
final class OpportunityOptions {
    @Option(names = "--opportunities", description = "HISTORY is an opportunity table (one row per deal), read as a one-stage funnel.")
    boolean opportunities;

    @Option(names = "--columns", split = ",", paramLabel = "ROLE=COLUMN", description = "Column mapping for --opportunities: "
        + "id, start (required), close, outcome, value, rep. E.g. id=opportunity_id,start=engage_date,close=close_date,outcome=deal_stage.")
    Map<String, String> columns;

    @Option(names = "--won-label", defaultValue = "Won", description = "Outcome value meaning won (default ${DEFAULT-VALUE}).")
    String wonLabel;

    @Option(names = "--lost-label", defaultValue = "Lost", description = "Outcome value meaning lost (default ${DEFAULT-VALUE}).")
    String lostLabel;

    @Option(names = "--wins", paramLabel = "FILE", description = "A second table listing won deals (e.g. Olist's closed deals).")
    Path wins;

    @Option(names = "--wins-columns", split = ",", paramLabel = "ROLE=COLUMN", description = "Its columns: id, date (required), value, rep.")
    Map<String, String> winsColumns;

    @Option(names = "--lost-after", paramLabel = "DAYS", description = "Where losses are not recorded: a deal with no event "
        + "for DAYS calendar days is lost then (a later win is counted as that loss).")
    Integer lostAfter;

    @Option(names = "--stage", defaultValue = "open", description = "The one stage's id (default ${DEFAULT-VALUE}).")
    String stage;

    History read(Path file) {
        if (!opportunities) {
            return HistoryReader.read(file);
        }
        return OpportunityReader.read(file, new OpportunityReader.Mapping(columns == null ? Map.of() : columns, wonLabel,
            lostLabel, wins, winsColumns == null ? Map.of() : winsColumns, lostAfter, stage));
    }
}
