package funnelcast.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.Parallelism;
import funnelcast.TestScenarios;
import funnelcast.model.Funnel;
import funnelcast.model.WorkCalendar;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event-log reader, the working-day clock and the simulator's CSV: what they read, and how they refuse. */
class HistoryReaderTest {
    static final Set<DayOfWeek> WEEK = WorkCalendar.MONDAY_TO_FRIDAY;

    @Test
    void historyErrorsNameTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "deal_id,stage,entered_at\nA,contact,2026-03-02\nA,won,2026-03-05\nA,need,2026-03-09\n");
        HistoryException after = assertThrows(HistoryException.class, () -> HistoryReader.read(bad));
        assertTrue(after.getMessage().contains("line 4") && after.getMessage().contains("after it was won"),
            after.getMessage());
        Files.writeString(bad, "deal_id,stage,entered_at\nA,contact,2026-03-02\nB,contact,the 3rd\n");
        HistoryException date = assertThrows(HistoryException.class, () -> HistoryReader.read(bad));
        assertTrue(date.getMessage().contains("line 3") && date.getMessage().contains("expected a date"),
            date.getMessage());
        // 03/02/2026 could be the 3rd of February or the 2nd of March: nothing in the column settles it
        Files.writeString(bad, "deal_id,stage,entered_at\nA,contact,2026-03-02\nB,contact,03/02/2026\n");
        HistoryException order = assertThrows(HistoryException.class, () -> HistoryReader.read(bad));
        assertTrue(order.getMessage().contains("entered_at") && order.getMessage().contains("--date-format"),
            order.getMessage());
        Files.writeString(bad, "deal_id,stage,entered_at\nA,contact,2026-03-02\nA,contact,2026-03-02\n");
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.read(bad)).getMessage()
            .contains("twice"));
        Files.writeString(bad, "deal_id,stage,entered,rep\nA,contact,2026-03-02,li\n");
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.read(bad)).getMessage()
            .contains("unknown column 'entered'; expected deal_id,stage,entered_at and optionally rep,value,name, or name your "
                + "columns with --columns ROLE=COLUMN, e.g. --columns 'deal_id=deal_id,stage=stage,entered_at=entered'"));
        Files.writeString(bad, "deal_id,stage,entered_at\nA,contact\n");
        assertTrue(assertThrows(HistoryException.class, () -> HistoryReader.read(bad)).getMessage()
            .contains("line 2: expected 3 fields"));
    }

    /**
     * A file read as a stream (rows never kept) and the same file parsed once and read from its
     * rows ({@code calibrate --by}) give the same history: deals, events, notes and the reading,
     * here with slashed dates that wait for the column to say the month comes first, a report
     * footer padded to the header's width, a blank line, amounts and --where.
     */
    @Test
    void theStreamAndTheParsedFileReadAlike(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Deal,Stage Name,Entered,Owner,Amount\n"
            + "A,Contact,3/2/2026 9:15 AM,li,\n"
            + "B,Contact,3/2/2026,wang,\"$1,200\"\n"
            + "\n"
            + "A,Need,3/13/2026 2:30 PM,li,\n"
            + "A,Won,3/20/2026,li,\"$15,600.00\"\n"
            + "C,Contact,2026-03-04,li,\n"
            + "C,Lost,2026-03-10,li,\n"
            + "B,Lost,3/16/2026,wang,\n"
            + "Grand Totals (8 records),,,,\n"
            + "Confidential Information - Do Not Distribute,,,,\n");
        Map<String, String> columns = Map.of("deal_id", "Deal", "stage", "Stage Name", "entered_at", "Entered",
            "rep", "Owner", "value", "Amount");
        for (Map<String, Set<String>> where : List.of(Map.<String, Set<String>>of(), Map.of("Owner", Set.of("li")))) {
            History streamed = HistoryReader.read(file, columns, StageNames.DEFAULT, null, where);
            History parsed = HistoryReader.read(HistoryFile.read(file), columns, StageNames.DEFAULT, null, where);
            assertEquals(parsed.deals(), streamed.deals());
            assertEquals(parsed.notes(), streamed.notes());
            assertEquals(parsed.reading(), streamed.reading());
            assertEquals(where.isEmpty() ? 3 : 2, streamed.deals().size());
            assertEquals(LocalDateTime.of(2026, 3, 13, 14, 30), streamed.deals().get(0).events().get(1).at());
            assertEquals(List.of(10L, 11L), streamed.reading().footer().stream().map(Reading.Line::line).toList());
        }
    }

    /**
     * A --stage-map that merges two consecutive stages makes one visit of the two, with a note,
     * never a self-loop (prospecting -> prospecting) that calibration would count as an exit.
     */
    @Test
    void consecutiveEntriesToOneStageAreOneVisit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("merged.csv");
        Files.writeString(file, "deal_id,stage,entered_at\nA,Prospecting,2026-03-02\nA,Qualification,2026-03-04\n"
            + "A,Proposal,2026-03-06\nA,Closed Won,2026-03-09\nB,Prospecting,2026-03-03\nB,Qualification,2026-03-05\n");
        StageNames names = new StageNames(List.of("Closed Won"), List.of("Closed Lost"),
            Map.of("Qualification", "prospecting"));
        History h = HistoryReader.read(file, Map.of(), names);
        assertEquals(List.of("prospecting", "proposal", "won"), h.deals().get(0).events().stream()
            .map(History.Event::stage).toList());
        assertEquals(List.of("prospecting"), h.deals().get(1).events().stream().map(History.Event::stage).toList());
        assertEquals(LocalDateTime.parse("2026-03-03T00:00"), h.deals().get(1).events().get(0).at(),
            "the visit began at the first entry");
        assertTrue(h.notes().stream().anyMatch(n -> n.startsWith("2 events entered the stage their deal was already at")),
            h.notes().toString());
    }

    @Test
    void eventsMayComeInAnyOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shuffled.csv");
        Files.writeString(file, "deal_id,stage,entered_at\nA,won,2026-03-09\nA,contact,2026-03-02\nA,need,2026-03-04\n");
        History h = HistoryReader.read(file);
        assertEquals(List.of("contact", "need", "won"), h.deals().get(0).events().stream().map(History.Event::stage)
            .toList());
        assertTrue(h.deals().get(0).events().stream().allMatch(History.Event::dayOnly), "dates only: known to the day");
    }

    /**
     * A deal with a long past (more events than the insertion sort takes) is put in time order
     * too, equal times in the file's order, and consecutive entries to one stage merged as with few.
     */
    @Test
    void aLongPastIsOrderedLikeAShortOne(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
        LocalDateTime start = LocalDateTime.parse("2026-01-05T09:00");
        // 200 entries to two stages in turn, written newest first; the last pair at one time, need before contact
        for (int i = 199; i >= 0; i--) {
            csv.append("A,").append(i % 2 == 0 ? "contact" : "need").append(',').append(start.plusHours(i)).append('\n');
        }
        csv.append("A,need,").append(start.plusHours(300)).append('\n');
        csv.append("A,contact,").append(start.plusHours(300)).append('\n');
        csv.append("A,won,").append(start.plusHours(400)).append('\n');
        Path file = dir.resolve("long.csv");
        Files.writeString(file, csv.toString());
        List<History.Event> events = HistoryReader.read(file).deals().get(0).events();
        assertEquals(202, events.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(start.plusHours(i), events.get(i).at());
            assertEquals(i % 2 == 0 ? "contact" : "need", events.get(i).stage());
        }
        // need at 300 follows need at 199: one visit; then contact at the same time, in the file's order
        assertEquals(List.of("contact", "won"), events.subList(200, 202).stream().map(History.Event::stage).toList());
        assertEquals(start.plusHours(300), events.get(200).at());
        assertEquals(start.plusHours(199), events.get(199).at());
    }

    /**
     * The parser on a thread of its own (two threads to use) reads a file of many batches exactly
     * as on one thread: the same history, and for a bad file the same first error, whether the
     * sink refuses a row (here before a CSV error further on) or the CSV breaks after good rows.
     */
    @Test
    void theParserThreadChangesNothing(@TempDir Path dir) throws Exception {
        StringBuilder good = new StringBuilder("deal_id,stage,entered_at,rep,value\n");
        LocalDateTime start = LocalDateTime.parse("2026-01-05T09:00");
        for (int i = 0; i < 5000; i++) { // deals interleaved, rows beyond several batches
            int deal = i % 1700;
            int step = i / 1700;
            good.append('D').append(deal).append(',').append(List.of("contact", "need", "won").get(step)).append(',')
                .append(start.plusMinutes(37L * i)).append(",rep").append(deal % 7).append(',').append(deal * 10).append('\n');
        }
        Path file = dir.resolve("many.csv");
        Files.writeString(file, good.toString());
        History serial = Parallelism.with(Parallelism.SERIAL, () -> HistoryReader.read(file));
        History threaded = Parallelism.with(Parallelism.of(2), () -> HistoryReader.read(file));
        assertEquals(1700, serial.deals().size());
        assertEquals(serial, threaded);

        String[] lines = good.toString().split("\n");
        lines[3001] = ",contact,2026-01-05T09:00,rep1,10"; // the sink refuses line 3002 (no deal id) ...
        Path refused = dir.resolve("refused.csv");
        Files.writeString(refused, String.join("\n", lines) + "\n\"unclosed,contact\n"); // ... before the CSV breaks
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, good + "\"unclosed,contact\n");
        for (Path bad : List.of(refused, broken)) {
            String one = assertThrows(HistoryException.class,
                () -> Parallelism.with(Parallelism.SERIAL, () -> HistoryReader.read(bad))).getMessage();
            String two = assertThrows(HistoryException.class,
                () -> Parallelism.with(Parallelism.of(2), () -> HistoryReader.read(bad))).getMessage();
            assertEquals(one, two);
        }
        String first = assertThrows(HistoryException.class, () -> HistoryReader.read(refused)).getMessage();
        assertTrue(first.contains("line 3002"), first);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("funnelcast-csv")),
            "the parser's thread has ended");

        // a row refused early in a long file: the parser, stopped wherever it is (waiting or reading), ends quietly
        StringBuilder longer = new StringBuilder(good);
        for (int i = 0; i < 40; i++) {
            longer.append(good.substring(good.indexOf("\n") + 1));
        }
        String[] rows = longer.toString().split("\n");
        rows[5] = ",contact,2026-01-05T09:00,rep1,10";
        Path early = dir.resolve("early.csv");
        Files.writeString(early, String.join("\n", rows) + "\n");
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            for (int i = 0; i < 5; i++) {
                assertTrue(assertThrows(HistoryException.class,
                    () -> Parallelism.with(Parallelism.of(2), () -> HistoryReader.read(early))).getMessage().contains("line 6"));
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), uncaught, "nothing thrown past the parser's thread");
    }

    /**
     * Deals are told apart by their ids whatever the ids' hash codes: equal ones ("Aa" and "BB"),
     * negative ones and Integer.MIN_VALUE ("polygenelubricants"), among enough deals that the
     * reader's table grows several times.
     */
    @Test
    void dealsAreToldApartWhateverTheirIdsHash(@TempDir Path dir) throws Exception {
        List<String> odd = List.of("Aa", "BB", "polygenelubricants", "AaAa", "BBBB", "AaBB", "BBAa");
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals(Integer.MIN_VALUE, "polygenelubricants".hashCode());
        StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
        List<String> ids = new ArrayList<>(odd);
        for (int i = 0; i < 3000; i++) {
            ids.add("deal-" + Integer.toHexString(i * 0x9E3779B1));
        }
        for (String id : ids) {
            csv.append(id).append(",contact,2026-03-02\n");
        }
        for (String id : ids) {
            csv.append(id).append(id.hashCode() % 2 == 0 ? ",won" : ",lost").append(",2026-03-09\n");
        }
        Path file = dir.resolve("ids.csv");
        Files.writeString(file, csv.toString());
        History h = HistoryReader.read(file);
        assertEquals(ids, h.deals().stream().map(History.Deal::id).toList());
        for (History.Deal d : h.deals()) {
            assertEquals(List.of("contact", d.id().hashCode() % 2 == 0 ? "won" : "lost"),
                d.events().stream().map(History.Event::stage).toList(), d.id());
        }
    }

    @Test
    void theWorkClockSkipsWeekendsAndHolidays() {
        WorkClock c = new WorkClock(WEEK, Set.of(LocalDate.parse("2026-03-06")), LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"));
        // Thursday noon to Monday noon, with Friday a holiday: one working day.
        assertEquals(1.0, c.at(LocalDate.parse("2026-03-09").atTime(12, 0)) - c.at(LocalDate.parse("2026-03-05").atTime(12, 0)),
            1e-12);
        assertEquals(LocalDate.parse("2026-03-09").atTime(12, 0), c.dateTime(c.at(LocalDate.parse("2026-03-09").atTime(12, 0))));
        assertFalse(c.isWorkingDay(LocalDate.parse("2026-03-07")));
        // Saturday the 7th worked to make up for the holiday (a make-up working day, as a scenario's calendar.workdays)
        WorkClock madeUp = new WorkClock(WEEK, Set.of(LocalDate.parse("2026-03-06")), Set.of(LocalDate.parse("2026-03-07")),
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        assertTrue(madeUp.isWorkingDay(LocalDate.parse("2026-03-07")));
        assertEquals(2.0, madeUp.at(LocalDate.parse("2026-03-09").atTime(12, 0))
            - madeUp.at(LocalDate.parse("2026-03-05").atTime(12, 0)), 1e-12);
    }

    /** Ids and rep names with commas, quotes and Chinese text are quoted on the way out and read back unchanged. */
    @Test
    void simulatedHistoryReadsBackUnchangedWhateverItsNames(@TempDir Path dir) throws Exception {
        Funnel f = TestScenarios.funnelOf("""
            { "calendar": { "start": "2026-01-05", "end": "2026-01-30" }, "entry": "a",
              "stages": [ { "id": "a", "exits": { "won": 0.5, "lost": 0.5 }, "dwell": { "dist": "exponential", "mean": 5 } } ],
              "pipeline": [ { "id": "ACME, Inc. \\"big\\" deal", "stage": "a", "age": 2, "rep": "Zhang, Wei" },
                            { "id": "北京科技有限公司", "stage": "a", "age": 1, "rep": "李\\"小\\"龙" } ] }""");
        LocalDate start = f.scenario().calendar().start();
        WorkClock clock = new WorkClock(WEEK, Set.of(), start.minusDays(60), start.plusDays(400));
        StringWriter csv = new StringWriter();
        HistorySimulator.write(HistorySimulator.simulate(f, 150, 1), clock, start, csv);
        Path file = dir.resolve("names.csv");
        Files.writeString(file, csv.toString());
        History h = HistoryReader.read(file);
        Map<String, String> reps = new LinkedHashMap<>();
        h.deals().forEach(d -> reps.put(d.id(), d.rep()));
        assertEquals(Map.of("ACME, Inc. \"big\" deal", "Zhang, Wei", "北京科技有限公司", "李\"小\"龙"), reps);
        assertTrue(csv.toString().startsWith("deal_id,stage,entered_at,rep,value\n"), csv.toString());
    }

    /** Excel's byte order mark before a quoted header, and CRLF line ends, read as a plain log. */
    @Test
    void aByteOrderMarkBeforeQuotedHeadersIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.writeString(file, "\uFEFF\"deal_id\",\"stage\",\"entered_at\"\r\n\"D1\",\"a\",\"2026-01-05\"\r\n"
            + "\"D1\",\"won\",\"2026-01-09\"\r\n", StandardCharsets.UTF_8);
        History h = HistoryReader.read(file);
        assertEquals(1, h.deals().size());
        assertEquals(List.of("a", "won"), h.deals().get(0).events().stream().map(History.Event::stage).toList());
    }
}
