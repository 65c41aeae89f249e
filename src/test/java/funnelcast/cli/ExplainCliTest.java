package funnelcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.TestScenarios;
import funnelcast.exact.ExactMethod;
import funnelcast.model.Funnel;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** explain for a class: this period by milestone, a glossary, labels that disagree with the exits. */
class ExplainCliTest {
    @Test
    void thisPeriodByMilestoneWithTheNumbers() {
        Cli r = Cli.run("explain", "scenarios/telesales.json");
        assertEquals(0, r.exitCode(), r.err());
        Funnel f = TestScenarios.funnel("scenarios/telesales.json");
        double[] now = ExactMethod.winInHorizon(f, ExactMethod.defaultStepsPerDay(f.scenario().horizonDays()));
        int commit = f.index("commit");
        int contact = f.index("contact");
        assertTrue(r.out().contains("This period, by milestone"), r.out());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "A deal at 'commit' is worth 4.5 at 'contact' eventually "
            + "(0.900 / 0.200), but %.1f this period", now[commit] / now[contact])), r.out());
        assertTrue(now[commit] / now[contact] > 4.5, "a late deal counts for more this month than eventually");
        assertTrue(r.out().contains("hold          the stock a team at that rate carries there"), "the glossary");
        assertTrue(!r.out().contains("Note:"), "the shipped labels agree with the exits (+80% reads as at least 80%)");
    }

    @Test
    void aLabelThatDisagreesWithItsExitsIsFlagged() {
        Cli r = Cli.run("explain", "scenarios/telesales.json", "--set", "stages.evaluate.exits.price=0.4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Note: 'evaluate' is labelled 60%, but its exits give h = "), r.out());
    }
}
