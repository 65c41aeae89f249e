package funnelcast.sweep;

import static funnelcast.Serialization.travel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A sweep's cases cut into slices of blocks, run apart (one thread each), sent through Java
 * serialization and combined in another order, give the rows of the cases run whole on two
 * threads: what lets an engine elsewhere (Spark) split a few large cases.
 */
class SweepSliceTest {
    @Test
    void slicesRunApartGiveTheRowsOfWholeCases() throws Exception {
        ScenarioSource base = ScenarioSource.load(Path.of("scenarios/telesales.json"));
        List<Sweep.Case> cases = List.of(
            new Sweep.Case(0, List.of("4"), base, List.of(new Setting("inflow.perDay", "4")), null),
            new Sweep.Case(1, List.of("6"), base, List.of(new Setting("inflow.perDay", "6")), null),
            new Sweep.Case(2, List.of("-1"), base, List.of(new Setting("inflow.perDay", "-1")), null));
        Sweep.Job job = new Sweep.Job(cases, Sweep.Options.monteCarlo(5_000, 3, 2, 0.8));
        List<Sweep.Slice> slices = Sweep.slices(job, 9);
        assertEquals(9, slices.size(), "three slices of each case");
        Sweep.Job apart = travel(new Sweep.Job(job.cases(), job.options().withThreads(1)));
        List<Sweep.SliceResult> parts = new ArrayList<>();
        for (Sweep.Slice s : slices) {
            parts.add(travel(Sweep.run(apart, s)));
        }
        Collections.shuffle(parts, new Random(5));
        for (Sweep.Case c : cases) {
            List<Sweep.SliceResult> mine = parts.stream().filter(p -> p.index() == c.index()).toList();
            assertEquals(Sweep.run(job, c), Sweep.combine(job, c, mine), "case " + c.index());
        }
        Sweep.CaseResult failed = Sweep.run(job, cases.get(2));
        assertTrue(failed.failed() && failed.error().contains("inflow.perDay"), failed.error());
    }

    @Test
    void exactCasesAreNotCut() {
        Sweep.Job job = new Sweep.Job(List.of(new Sweep.Case(0, List.of(), null, List.of(), "gone.json: no such file")),
            Sweep.Options.monteCarlo(1, 1, 1, 0.8).withExact(0));
        assertEquals(List.of(new Sweep.Slice(0, 0, 0)), Sweep.slices(job, 8));
        assertEquals("gone.json: no such file", Sweep.run(job, job.cases().get(0)).error());
    }
}
