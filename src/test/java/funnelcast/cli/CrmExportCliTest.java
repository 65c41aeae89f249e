package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
