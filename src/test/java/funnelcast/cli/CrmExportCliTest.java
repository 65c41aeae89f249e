package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmExportCliTest {
    /** --columns is read for event logs too, and a log whose stages never say won or lost names what it saw. */
    @Test
    void theCommandLineTakesColumnsForLogsAndSaysWhatToDoWhenNothingCloses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hubspot.csv");
        Files.writeString(file, "Record ID,Deal Stage,Create Date\n1,Appointment Scheduled,2026-01-05\n"
            + "1,Deal Signed,2026-01-20\n2,Appointment Scheduled,2026-01-06\n");
        Cli refused = Cli.run("calibrate", file.toString(), "--as-of", "2026-01-31", "--columns",
            "deal_id=Record ID,stage=Deal Stage,entered_at=Create Date");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("no value means won or lost") && refused.err().contains("'Deal Signed'")
            && refused.err().contains("--won-label"), refused.err());
        Cli ok = Cli.run("calibrate", file.toString(), "--as-of", "2026-01-31", "--columns",
            "deal_id=Record ID,stage=Deal Stage,entered_at=Create Date", "--won-label", "Deal Signed");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("== appointment-scheduled"), ok.out());
    }

    /**
     * A HubSpot deals export (byte order mark, quoted headers, US dates with AM/PM, amounts with $
     * and thousands, Chinese deal names with commas) calibrates with --opportunities, --columns and
     * the two labels to exactly the summary of its clean copy.
     */
    @Test
    void aHubSpotDealsExportCalibratesLikeItsCleanCopy(@TempDir Path dir) throws Exception {
        StringBuilder raw = new StringBuilder("\uFEFF\"Deal Name\",\"Deal Stage\",\"Create Date\",\"Close Date\","
            + "\"Amount\",\"Deal owner\"\r\n");
        StringBuilder clean = new StringBuilder("id,outcome,start,close,value,rep\n");
        Random rng = new Random(5);
        for (int i = 0; i < 300; i++) {
            String name = i % 4 == 0 ? "上海贸易有限公司, 第" + i + "单" : "Deal " + i;
            LocalDateTime start = LocalDateTime.parse("2026-01-05T09:00").plusDays(rng.nextInt(120))
                .plusMinutes(rng.nextInt(480));
            int outcome = rng.nextInt(3);
            LocalDateTime close = start.plusDays(1 + rng.nextInt(40)).plusMinutes(rng.nextInt(300));
            boolean open = outcome == 2 || close.isAfter(LocalDateTime.parse("2026-05-31T00:00"));
            String stage = open ? "Appointment Scheduled" : outcome == 0 ? "Closed Won" : "Closed Lost";
            int amount = 1000 + rng.nextInt(30000);
            raw.append('"').append(name).append("\",\"").append(stage).append("\",\"").append(us(start)).append("\",\"")
                .append(open ? "" : us(close)).append("\",\"").append(String.format(Locale.ROOT, "$%,d.00", amount))
                .append("\",\"Li Na\"\r\n");
            clean.append("D").append(i).append(',').append(open ? "Appointment Scheduled" : outcome == 0 ? "Won" : "Lost")
                .append(',').append(start).append(',').append(open ? "" : close.toString()).append(',').append(amount)
                .append(",Li Na\n");
        }
        Path rawFile = dir.resolve("hubspot.csv");
        Path cleanFile = dir.resolve("clean.csv");
        Files.writeString(rawFile, raw.toString());
        Files.writeString(cleanFile, clean.toString());
        sameSummary(cleanFile, rawFile, "--columns",
            "id=Deal Name,start=Create Date,close=Close Date,outcome=Deal Stage,value=Amount,rep=Deal owner",
            "--won-label", "Closed Won", "--lost-label", "Closed Lost");
    }

    /** Calibrates the raw export with its options and the clean copy plainly; the summaries must agree. Returns the raw one. */
    private static JsonNode sameSummary(Path clean, Path raw, String... options)
        throws Exception {
        List<String> args = new ArrayList<>(List.of("calibrate", raw.toString(), "--as-of",
            "2026-05-31", "--json", "--opportunities"));
        args.addAll(List.of(options));
        Cli a = Cli.run(args.toArray(String[]::new));
        assertEquals(0, a.exitCode(), a.err());
        Cli b = Cli.run("calibrate", clean.toString(), "--as-of", "2026-05-31", "--json", "--opportunities", "--columns",
            "id=id,start=start,close=close,outcome=outcome,value=value,rep=rep");
        assertEquals(0, b.exitCode(), b.err());
        var mapper = new ObjectMapper();
        var x = mapper.readTree(a.out());
        var y = mapper.readTree(b.out());
        assertEquals(y.get("inflow"), x.get("inflow"));
        assertEquals(y.get("stages"), x.get("stages"));
        assertEquals(y.get("openDeals"), x.get("openDeals"));
        return x;
    }

    /**
     * A Salesforce opportunity report: day-first dates (settled by the column), amounts in USD with
     * thousands, the default labels Closed Won and Closed Lost, and the report's footer. --columns
     * alone reads it to the summary of its clean copy, and the footer is named in a note.
     */
    @Test
    void aSalesforceOpportunityReportCalibratesLikeItsCleanCopy(@TempDir Path dir) throws Exception {
        StringBuilder raw = new StringBuilder("\"Opportunity Name\",\"Account Name\",\"Stage\",\"Amount\","
            + "\"Created Date\",\"Close Date\",\"Opportunity Owner\"\r\n");
        StringBuilder clean = new StringBuilder("id,outcome,start,close,value,rep\n");
        Random rng = new Random(8);
        for (int i = 0; i < 300; i++) {
            LocalDate start = LocalDate.parse("2026-01-02").plusDays(rng.nextInt(120));
            LocalDate close = start.plusDays(1 + rng.nextInt(50));
            int outcome = rng.nextInt(3);
            boolean open = outcome == 2 || close.isAfter(LocalDate.parse("2026-05-31"));
            String stage = open ? "Negotiation/Review" : outcome == 0 ? "Closed Won" : "Closed Lost";
            int amount = 500 + rng.nextInt(40000);
            raw.append("\"Renewal ").append(i).append("\",\"杭州网络科技有限公司\",\"").append(stage).append("\",\"USD ")
                .append(String.format(Locale.ROOT, "%,d.00", amount)).append("\",\"").append(dmy(start))
                .append("\",\"").append(open ? "" : dmy(close)).append("\",\"Wang Fang\"\r\n");
            clean.append("R").append(i).append(',').append(open ? "open" : outcome == 0 ? "Won" : "Lost").append(',')
                .append(start).append(',').append(open ? "" : close.toString()).append(',').append(amount)
                .append(",Wang Fang\n");
        }
        raw.append("\r\n\"Total\",\"\",\"\",\"USD 5,000,000.00\"\r\n\r\n\"Confidential Information - Do Not Distribute\"\r\n");
        Path rawFile = dir.resolve("report.csv");
        Path cleanFile = dir.resolve("clean.csv");
        Files.writeString(rawFile, raw.toString());
        Files.writeString(cleanFile, clean.toString());
        var x = sameSummary(cleanFile, rawFile, "--columns",
            "id=Opportunity Name,start=Created Date,close=Close Date,outcome=Stage,value=Amount,rep=Opportunity Owner");
        assertTrue(x.get("notes").toString().contains("a report footer: Total"), x.get("notes").toString());

        // start and close swapped: refused, naming both columns and the fix
        Cli swapped = Cli.run("calibrate", rawFile.toString(), "--as-of", "2026-05-31", "--opportunities", "--columns",
            "id=Opportunity Name,start=Close Date,close=Created Date,outcome=Stage,value=Amount,rep=Opportunity Owner");
        assertEquals(2, swapped.exitCode(), swapped.err());
        assertTrue(swapped.err().contains("close before they start: the start column 'Close Date' and the close column "
            + "'Created Date' look swapped; swap them in --columns (start=Created Date,close=Close Date)"), swapped.err());
        // outcome labels that match no value: the values seen, with their counts, and the options that name them
        Cli labels = Cli.run("calibrate", rawFile.toString(), "--as-of", "2026-05-31", "--opportunities", "--columns",
            "id=Opportunity Name,start=Created Date,close=Close Date,outcome=Stage", "--won-label", "Won",
            "--lost-label", "Lost");
        assertEquals(2, labels.exitCode(), labels.err());
        assertTrue(labels.err().contains("no value of Stage means won or lost") && labels.err().contains("'Closed Won' (")
            && labels.err().contains("--won-label and --lost-label"), labels.err());
    }

    private static String dmy(LocalDate d) {
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    private static String us(LocalDateTime t) {
        int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return String.format(Locale.ROOT, "%d/%d/%d %d:%02d %s", t.getMonthValue(), t.getDayOfMonth(), t.getYear(),
            hour, t.getMinute(), t.getHour() < 12 ? "AM" : "PM");
    }

    /**
     * inspect on a raw stage-history export, without fitting: the date rule the column settled on
     * (month first, from a second number above 12) with rows read by it, each stage name and the
     * id it became (won and lost among them), the columns and their roles, and the footer lines
     * skipped, padded as Salesforce writes them.
     */
    @Test
    void inspectSaysHowARawExportIsRead(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("history.csv");
        Files.writeString(raw, "\"Opportunity ID\",\"Stage Name\",\"Created Date\",\"Amount\",\"Owner\"\r\n"
            + "\"006A\",\"Prospecting\",\"3/2/2026\",\"\",\"Ann Lee\"\r\n"
            + "\"006A\",\"Proposal/Price Quote\",\"3/16/2026\",\"USD 1,200.00\",\"Ann Lee\"\r\n"
            + "\"006A\",\"Closed Won\",\"3/20/2026\",\"USD 1,200.00\",\"Ann Lee\"\r\n"
            + "\"006B\",\"Prospecting\",\"3/3/2026\",\"\",\"Zhang Wei\"\r\n"
            + "\"006B\",\"Closed Lost\",\"3/9/2026\",\"\",\"Zhang Wei\"\r\n"
            + "\"Grand Totals (5 records)\",,,,\r\n\"Confidential Information - Do Not Distribute\",,,,\r\n");
        Cli r = Cli.run("inspect", raw.toString(), "--columns",
            "deal_id=Opportunity ID,stage=Stage Name,entered_at=Created Date,value=Amount,rep=Owner", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode x = new ObjectMapper().readTree(r.out());
        assertEquals("event log", x.get("format").asText());
        assertEquals(2, x.get("deals").asInt());
        JsonNode dates = x.get("dates").get(0);
        assertEquals("Created Date", dates.get("column").asText());
        assertTrue(dates.get("rule").asText().startsWith("month first (M/d/yyyy)"), dates.toString());
        assertEquals("2026-03-16T00:00:00", dates.get("examples").get(1).get("read").asText());
        Map<String, String> became = new HashMap<>();
        x.get("names").forEach(n -> became.put(n.get("value").asText(), n.get("became").asText()));
        assertEquals(Map.of("Prospecting", "prospecting", "Proposal/Price Quote", "proposal-price-quote", "Closed Won", "won",
            "Closed Lost", "lost"), became);
        assertEquals("value", x.get("columns").get(3).get("role").asText());
        assertEquals(2, x.get("amounts").get("read").asInt());
        assertEquals(7, x.get("footer").get(0).get("line").asInt());
        assertEquals("Grand Totals (5 records)", x.get("footer").get(0).get("text").asText());
        assertEquals(2, x.get("footer").size());
        Cli text = Cli.run("inspect", raw.toString(), "--columns",
            "deal_id=Opportunity ID,stage=Stage Name,entered_at=Created Date,value=Amount,rep=Owner");
        assertTrue(text.out().contains("'Proposal/Price Quote' -> proposal-price-quote") && text.out().contains("Footer skipped"),
            text.out());
    }
}
