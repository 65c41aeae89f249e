package funnelcast.daily;

import funnelcast.model.Exit;
import funnelcast.store.Day;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What moved in the pipeline between two recorded days: the open deals at the first day's end,
 * plus the deals new since, less those won and lost since (and those that left on a day not
 * recorded), is the open deals at the second day's end, by count and by value; the bars add up.
 * The deals open at both ends moved between stages: advanced (to a later stage), fell back (to an
 * earlier one), moved and came back, or did not move at all (stalled: no event between the days).
 *
 * <p>Slipped: deals that the first day's plan gave at least {@link #SLIP_THRESHOLD} to be won by
 * the end of its month, still open once that month is over ({@code periodOver}: the second day is
 * the month's last working day or later); none before then.
 *
 * @param left deals open at the first day that closed on a day not recorded (no event says how)
 */
public record Moved(LocalDate from, LocalDate to, Bar start, Bar added, Bar won, Bar lost, Bar left, Bar end,
                    Bar advanced, Bar fellBack, Bar movedAndBack, Bar stalled, double slipThreshold, boolean periodOver,
                    Bar slipped) {
    /** A deal slipped when the first day's plan gave it at least this chance to be won within its month. */
    public static final double SLIP_THRESHOLD = 0.5;

    /** A bar of the waterfall: how many deals, their summed value (deals without one count 0), and which. */
    public record Bar(int count, double value, List<String> deals) {
        public Bar {
            deals = List.copyOf(deals);
        }
    }

    /**
     * The moves between {@code first} and {@code last} (recorded days of one scope, {@code first}
     * before {@code last}), with {@code between} the recorded days after {@code first} up to
     * {@code last}, whose events say which deals were new, won and lost.
     */
    public static Moved of(Day first, Day last, List<Day> between) {
        Map<String, Day.Deal> start = byId(first.pipeline());
        Map<String, Day.Deal> end = byId(last.pipeline());
        Map<String, Integer> position = new HashMap<>();
        for (Day.Stage s : last.stages()) {
            position.put(s.id(), position.size());
        }
        Set<String> added = new TreeSet<>();
        Set<String> won = new TreeSet<>();
        Set<String> lost = new TreeSet<>();
        Set<String> touched = new TreeSet<>();
        Map<String, Double> values = new HashMap<>(); // each deal's value, as the last pipeline that held it says
        for (Day d : between) {
            for (Day.Event e : d.events()) {
                touched.add(e.deal());
                if (e.first()) {
                    added.add(e.deal());
                }
                if (e.stage().equals(Exit.WON)) {
                    won.add(e.deal());
                } else if (e.stage().equals(Exit.LOST)) {
                    lost.add(e.deal());
                }
            }
            valuesOf(d.pipeline(), values);
        }
        valuesOf(first.pipeline(), values);
        valuesOf(last.pipeline(), values);
        for (String id : end.keySet()) {
            if (!start.containsKey(id)) {
                added.add(id); // open now and not then: new, even where its first day was not recorded
            }
        }
        won.removeIf(id -> !start.containsKey(id) && !added.contains(id));
        lost.removeIf(id -> !start.containsKey(id) && !added.contains(id));
        List<String> left = new ArrayList<>();
        for (String id : start.keySet()) {
            if (!end.containsKey(id) && !won.contains(id) && !lost.contains(id)) {
                left.add(id);
            }
        }
        List<String> advanced = new ArrayList<>();
        List<String> fellBack = new ArrayList<>();
        List<String> movedAndBack = new ArrayList<>();
        List<String> stalled = new ArrayList<>();
        for (Map.Entry<String, Day.Deal> e : start.entrySet()) {
            Day.Deal now = end.get(e.getKey());
            if (now == null) {
                continue;
            }
            int was = position.getOrDefault(e.getValue().stage(), -1);
            int is = position.getOrDefault(now.stage(), -1);
            if (is > was) {
                advanced.add(e.getKey());
            } else if (is < was) {
                fellBack.add(e.getKey());
            } else if (touched.contains(e.getKey())) {
                movedAndBack.add(e.getKey());
            } else {
                stalled.add(e.getKey());
            }
        }
        boolean periodOver = last.asOf().isAfter(first.horizonEnd()) || last.horizonEnd().equals(first.horizonEnd())
            && last.daysLeft() == 0;
        List<String> slipped = new ArrayList<>();
        for (Day.Deal d : start.values()) {
            if (periodOver && end.containsKey(d.id()) && d.pWinMonth() != null && d.pWinMonth() >= SLIP_THRESHOLD) {
                slipped.add(d.id());
            }
        }
        return new Moved(first.asOf(), last.asOf(), bar(start.keySet(), values), bar(added, values), bar(won, values),
            bar(lost, values), bar(left, values), bar(end.keySet(), values), bar(advanced, values), bar(fellBack, values),
            bar(movedAndBack, values), bar(stalled, values), SLIP_THRESHOLD, periodOver, bar(slipped, values));
    }

    private static void valuesOf(List<Day.Deal> pipeline, Map<String, Double> values) {
        for (Day.Deal x : pipeline) {
            if (x.value() != null) {
                values.put(x.id(), x.value());
            }
        }
    }

    private static Map<String, Day.Deal> byId(List<Day.Deal> deals) {
        Map<String, Day.Deal> out = new LinkedHashMap<>();
        for (Day.Deal d : deals) {
            out.put(d.id(), d);
        }
        return out;
    }

    private static Bar bar(Collection<String> ids, Map<String, Double> values) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
        double value = 0;
        for (String id : sorted) {
            value += values.getOrDefault(id, 0.0);
        }
        return new Bar(sorted.size(), value, sorted);
    }
}
