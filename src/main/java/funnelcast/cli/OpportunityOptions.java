package funnelcast.cli;

import funnelcast.InputException;
import funnelcast.history.History;
import funnelcast.history.HistoryFile;
import funnelcast.history.HistoryReader;
import funnelcast.history.OpportunityReader;
import funnelcast.history.StageNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** How to read a one-row-per-deal CRM export instead of an event log. */
final class OpportunityOptions {
    @Option(names = "--opportunities", description = "HISTORY is an opportunity table (one row per deal), read as a one-stage funnel.")
    boolean opportunities;

    @Option(names = "--columns", split = ",", paramLabel = "ROLE=COLUMN", description = "Column names. An event log: "
        + "deal_id, stage, entered_at (required), rep, value, name, e.g. 'deal_id=Opportunity ID,stage=Stage Name,entered_at=Created "
        + "Date'; columns not named are ignored (and listed in a note). With --opportunities: id, start (required), close, "
        + "outcome, value, rep, name.")
    Map<String, String> columns;

    @Option(names = "--won-label", paramLabel = "NAME", description = "A stage or outcome name that means won (repeatable; "
        + "default Won and Closed Won, in any case).")
    List<String> wonLabels;

    @Option(names = "--lost-label", paramLabel = "NAME", description = "A stage or outcome name that means lost (repeatable; "
        + "default Lost and Closed Lost, in any case).")
    List<String> lostLabels;

    @Option(names = "--stage-map", split = ",", paramLabel = "NAME=ID", description = "Stage names to ids, e.g. "
        + "'Proposal/Price Quote=proposal,Closed Won=won'. Other names are lower-cased with each run of characters other "
        + "than letters and digits turned into '-'.")
    Map<String, String> stageMap;

    @Option(names = "--wins", paramLabel = "FILE", description = "A second table listing won deals (e.g. Olist's closed deals).")
    Path wins;

    @Option(names = "--wins-columns", split = ",", paramLabel = "ROLE=COLUMN", description = "Its columns: id, date (required), value, rep.")
    Map<String, String> winsColumns;

    @Option(names = "--lost-after", paramLabel = "DAYS", description = "Where losses are not recorded: a deal with no event "
        + "for DAYS calendar days is lost then (a later win is counted as that loss).")
    Integer lostAfter;

    @Option(names = "--stage", defaultValue = "open", description = "The one stage's id (default ${DEFAULT-VALUE}).")
    String stage;

    @Option(names = "--date-format", paramLabel = "PATTERN", description = "How the dates are written, as a java.time "
        + "pattern (e.g. d/M/yyyy or M/d/yyyy h:mm a), where a column's own values do not settle it.")
    String dateFormat;

    @Option(names = "--where", paramLabel = "COLUMN=VALUE[,VALUE...]", description = "Keep only the rows whose COLUMN "
        + "holds one of the values (repeatable: every one must hold), e.g. --where 'Region=East,West' --where "
        + "'Pipeline=New Business'.")
    List<String> where;

    /** The --where options as column to values; a value without '=' is refused. */
    Map<String, Set<String>> where() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String w : where == null ? List.<String>of() : where) {
            int eq = w.indexOf('=');
            if (eq <= 0 || eq == w.length() - 1) {
                throw new InputException("--where: expected COLUMN=VALUE[,VALUE...], got '" + w + "'");
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : w.substring(eq + 1).split(",")) {
                values.add(v.trim());
            }
            out.merge(w.substring(0, eq).trim(), values, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.retainAll(b);
                return both;
            });
        }
        return out;
    }

    StageNames names() {
        return new StageNames(wonLabels == null ? StageNames.DEFAULT.wonLabels() : wonLabels,
            lostLabels == null ? StageNames.DEFAULT.lostLabels() : lostLabels, stageMap == null ? Map.of() : stageMap);
    }

    /** Checks every reading option before any file is read, so a mistake costs no wait on a large history. */
    void check() {
        where();
        if (!opportunities) {
            if (wins != null || winsColumns != null || lostAfter != null) {
                throw new InputException("--wins, --wins-columns and --lost-after read opportunity tables: "
                    + "add --opportunities");
            }
            HistoryReader.check(columns(), dateFormat);
        } else {
            OpportunityReader.check(mapping());
        }
    }

    History read(Path file) {
        check();
        return opportunities ? OpportunityReader.read(file, mapping(where()))
            : HistoryReader.read(file, columns(), names(), dateFormat, where());
    }

    /** The file, parsed once, read with these row filters (one segment of --by) instead of the options' own. */
    History read(HistoryFile file, Map<String, Set<String>> rows) {
        check();
        return opportunities ? OpportunityReader.read(file, mapping(rows))
            : HistoryReader.read(file, columns(), names(), dateFormat, rows);
    }

    private Map<String, String> columns() {
        return columns == null ? Map.of() : columns;
    }

    private OpportunityReader.Mapping mapping() {
        return mapping(Map.of());
    }

    private OpportunityReader.Mapping mapping(Map<String, Set<String>> rows) {
        return new OpportunityReader.Mapping(columns(), names(), wins, winsColumns == null ? Map.of() : winsColumns,
            lostAfter, stage, dateFormat, rows);
    }
}
