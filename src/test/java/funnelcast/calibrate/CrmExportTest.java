package funnelcast.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import funnelcast.history.History;
import funnelcast.history.HistoryReader;
import funnelcast.history.StageNames;
import funnelcast.history.WorkClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage-history export as a CRM writes it (a byte order mark, quoted headers with spaces,
 * CRLF, US dates, stage names with spaces and slashes, "Closed Won", columns the log does not
 * need, Chinese account names, the report's footer) calibrates with --columns alone to exactly
 * the funnel of its hand-cleaned copy.
 */
class CrmExportTest {
    record Entry(String id, String account, String stageName, String stageId, LocalDate day, String owner) {
    }

    static List<Entry> entries() {
        UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(new long[] {7, 7, 7, 7});
        String[][] path = {{"Prospecting", "prospecting"}, {"Needs Analysis", "needs-analysis"},
            {"Proposal/Price Quote", "proposal-price-quote"}};
        List<Entry> out = new ArrayList<>();
        LocalDate start = LocalDate.parse("2026-01-05");
        for (int i = 0; i < 240; i++) {
            String id = String.format(Locale.ROOT, "006Hs00001%05d", i);
            String account = i % 3 == 0 ? "北京科技有限公司 " + i : "Acme, Inc. #" + i;
            String owner = i % 2 == 0 ? "Zhang Wei" : "Ann Lee";
            LocalDate day = start.plusDays(rng.nextInt(150));
            int reached = 1 + rng.nextInt(3);
            for (int s = 0; s < reached; s++) {
                out.add(new Entry(id, account, path[s][0], path[s][1], day, owner));
                day = day.plusDays(1 + rng.nextInt(12));
            }
            if (day.isBefore(LocalDate.parse("2026-06-30"))) {
                boolean won = rng.nextInt(3) == 0;
                out.add(new Entry(id, account, won ? "Closed Won" : "Closed Lost", won ? "won" : "lost", day, owner));
            }
        }
        return out;
    }

    static Calibration calibrate(History h) {
        WorkClock clock = new WorkClock(CalibrationTest.WEEK, Set.of(), LocalDate.parse("2025-12-01"),
            LocalDate.parse("2026-12-31"));
        return Calibrator.calibrate(h, new Calibrator.Options(LocalDate.parse("2026-05-31"), clock,
            LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"), 0, OptionalInt.empty(), "export"));
    }

    @Test
    void aRawStageHistoryExportCalibratesLikeItsCleanCopy(@TempDir Path dir) throws Exception {
        StringBuilder raw = new StringBuilder("\uFEFF\"Opportunity ID\",\"Account Name\",\"Stage Name\",\"Amount\","
            + "\"Created Date\",\"Opportunity Owner\"\r\n");
        StringBuilder clean = new StringBuilder("deal_id,stage,entered_at,rep\n");
        for (Entry e : entries()) {
            raw.append('"').append(e.id()).append("\",\"").append(e.account().replace("\"", "\"\"")).append("\",\"")
                .append(e.stageName()).append("\",\"\",\"").append(e.day().getMonthValue()).append('/')
                .append(e.day().getDayOfMonth()).append('/').append(e.day().getYear()).append("\",\"").append(e.owner())
                .append("\"\r\n");
            clean.append(e.id()).append(',').append(e.stageId()).append(',').append(e.day()).append(',').append(e.owner())
                .append('\n');
        }
        raw.append("\r\n\"Grand Totals (240 records)\"\r\n\r\n\"Confidential Information - Do Not Distribute\"\r\n"
            + "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\r\n");
        Path rawFile = dir.resolve("salesforce.csv");
        Path cleanFile = dir.resolve("clean.csv");
        Files.writeString(rawFile, raw.toString(), StandardCharsets.UTF_8);
        Files.writeString(cleanFile, clean.toString(), StandardCharsets.UTF_8);

        History fromRaw = HistoryReader.read(rawFile, Map.of("deal_id", "Opportunity ID", "stage", "Stage Name",
            "entered_at", "Created Date", "rep", "Opportunity Owner"), StageNames.DEFAULT);
        assertTrue(fromRaw.notes().contains("columns not mapped by --columns, ignored: Account Name, Amount"),
            fromRaw.notes().toString());
        assertTrue(fromRaw.notes().stream().anyMatch(n -> n.contains("hold no data (a report footer: Grand Totals "
            + "(240 records)") && n.contains("were skipped")), "the footer is named, not dropped silently: "
            + fromRaw.notes());
        Calibration a = calibrate(fromRaw);
        Calibration b = calibrate(HistoryReader.read(cleanFile));
        assertEquals(b.inflow().deals(), a.inflow().deals());
        assertEquals(b.inflow().perDay(), a.inflow().perDay(), 0);
        assertEquals(b.stages().size(), a.stages().size());
        for (int s = 0; s < a.stages().size(); s++) {
            Calibration.StageFit x = a.stages().get(s);
            Calibration.StageFit y = b.stages().get(s);
            assertEquals(y.id(), x.id());
            assertEquals(y.exits().toString(), x.exits().toString(), "exit counts and shares at " + x.id());
            assertEquals(y.best().family(), x.best().family());
            assertEquals(y.best().logLikelihood(), x.best().logLikelihood(), 0, "dwell fit at " + x.id());
        }
    }
}
