package funnelcast.model;

import funnelcast.law.Law;
import funnelcast.law.Exponential;
import funnelcast.law.Never;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stage graph by index, as the engine and the exact method walk it: open stages
 * {@code 0..n-1}, then {@link #won()} = n and {@link #lost()} = n + 1. Built only from a graph
 * that terminates: every open stage reaches {@code won} or {@code lost}, and no loop can be run
 * in zero time.
 */
public final class Funnel {
    private final Scenario scenario;
    private final String[] ids;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] dest;
    private final double[][] prob;
    private final Law[][] dwell;
    private final PushClock push;
    /** New deals a day on each working day when a team sets the inflow; null at a constant rate. */
    private final double[] dailyInflow;

    private Funnel(Scenario scenario) {
        this.scenario = scenario;
        this.push = scenario.monthEffects().push().clock(scenario.calendar());
        this.dailyInflow = scenario.inflow().team() == null ? null : scenario.inflow().team().daily(scenario.calendar());
        List<Stage> stages = scenario.stages();
        int n = stages.size();
        ids = new String[n + 2];
        for (int s = 0; s < n; s++) {
            ids[s] = stages.get(s).id();
            index.put(ids[s], s);
        }
        ids[n] = Exit.WON;
        ids[n + 1] = Exit.LOST;
        index.put(Exit.WON, n);
        index.put(Exit.LOST, n + 1);
        dest = new int[n][];
        prob = new double[n][];
        dwell = new Law[n][];
        for (int s = 0; s < n; s++) {
            List<Exit> exits = stages.get(s).exits();
            double stalled = stages.get(s).stalled();
            int width = exits.size() + (stalled > 0 ? 1 : 0);
            dest[s] = new int[width];
            prob[s] = new double[width];
            dwell[s] = new Law[width];
            if (stalled > 0) {
                // A stalled share is one more way out: to lost, after a dwell that never ends.
                dest[s][width - 1] = n + 1;
                prob[s][width - 1] = stalled;
                dwell[s][width - 1] = Never.INSTANCE;
            }
            for (int e = 0; e < exits.size(); e++) {
                Exit exit = exits.get(e);
                Integer d = index.get(exit.to());
                if (d == null) {
                    throw new ScenarioException("stages[" + s + "].exits." + exit.to(),
                        "expected won, lost or the id of a stage, got unknown destination '" + exit.to() + "'");
                }
                dest[s][e] = d;
                prob[s][e] = exit.probability() * (1 - stalled);
                dwell[s][e] = exit.dwell();
            }
        }
    }

    /** Compiles and checks the stage graph of a scenario. */
    public static Funnel of(Scenario scenario) {
        Funnel f = new Funnel(scenario);
        f.checkAbsorption();
        f.checkNoInstantLoop();
        return f;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** New deals a day on each working day of the horizon when a team sets the inflow; null at a constant rate. */
    public double[] dailyInflow() {
        return dailyInflow == null ? null : dailyInflow.clone();
    }

    /** The clock of dwells that end in a win ({@link PushClock#NONE} without a closing push in the horizon). */
    public PushClock push() {
        return push;
    }

    public int stageCount() {
        return ids.length - 2;
    }

    public int won() {
        return ids.length - 2;
    }

    public int lost() {
        return ids.length - 1;
    }

    public int entry() {
        return index(scenario.entry());
    }

    /** Whether {@code id} names an open stage of this funnel (not won, lost or an unknown id). */
    public boolean isOpenStage(String id) {
        Integer i = index.get(id);
        return i != null && i < won();
    }

    public int index(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no stage " + id);
        }
        return i;
    }

    /** The exit by which stage s stalls (to lost, never ending), or -1 if none of its visits stall. */
    public int stalledExit(int s) {
        return scenario.stages().get(s).stalled() > 0 ? exitCount(s) - 1 : -1;
    }

    public String id(int s) {
        return ids[s];
    }

    public Stage stage(int s) {
        return scenario.stages().get(s);
    }

    public int exitCount(int s) {
        return dest[s].length;
    }

    public int dest(int s, int e) {
        return dest[s][e];
    }

    public double prob(int s, int e) {
        return prob[s][e];
    }

    public Law dwell(int s, int e) {
        return dwell[s][e];
    }

    public double[] probs(int s) {
        return prob[s].clone();
    }

    /**
     * P(exit e | still in stage s at age a), proportional to p(s,e) * S(s,e)(a) (docs/model.md, the model in a paragraph):
     * an old deal is more likely to be on a slow exit. Unchanged when all exits share one dwell.
     */
    public double[] agedExitWeights(int s, double age) {
        int n = exitCount(s);
        double[] w = new double[n];
        double sum = 0;
        for (int e = 0; e < n; e++) {
            w[e] = prob[s][e] * (age > 0 ? dwell[s][e].survival(age) : 1);
            sum += w[e];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("age " + age + " is beyond every exit's dwell at stage " + ids[s]);
        }
        for (int e = 0; e < n; e++) {
            w[e] /= sum;
        }
        return w;
    }

    /** Every dwell of every exit is exponential: the funnel is a continuous-time Markov chain. */
    public boolean allExponential() {
        for (Law[] ds : dwell) {
            for (Law d : ds) {
                if (!(d instanceof Exponential)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void checkAbsorption() {
        int n = stageCount();
        boolean[] reaches = new boolean[n + 2];
        reaches[won()] = true;
        reaches[lost()] = true;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (reaches[s]) {
                    continue;
                }
                for (int e = 0; e < dest[s].length; e++) {
                    if (prob[s][e] > 0 && reaches[dest[s][e]]) {
                        reaches[s] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<String> trapped = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            if (!reaches[s]) {
                trapped.add(ids[s]);
            }
        }
        if (!trapped.isEmpty()) {
            throw new ScenarioException("stages",
                "expected every stage to reach won or lost, but " + String.join(", ", trapped)
                    + (trapped.size() == 1 ? " only exits" : " only exit") + " into a closed loop of open stages");
        }
    }

    private void checkNoInstantLoop() {
        int n = stageCount();
        // 0 = unvisited, 1 = on the DFS stack, 2 = done
        int[] state = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            List<Integer> path = new ArrayList<>();
            stack.push(new int[] {root, 0});
            state[root] = 1;
            path.add(root);
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                int s = top[0];
                if (top[1] == dest[s].length) {
                    stack.pop();
                    state[s] = 2;
                    path.remove(path.size() - 1);
                    continue;
                }
                int e = top[1]++;
                int d = dest[s][e];
                if (d >= n || prob[s][e] <= 0 || dwell[s][e].atomAtZero() <= 0) {
                    continue;
                }
                if (state[d] == 1) {
                    List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(d), path.size()));
                    cycle.add(d);
                    throw new ScenarioException("stages",
                        "expected no loop that can be run in zero time, but "
                            + cycle.stream().map(i -> ids[i]).collect(Collectors.joining(" -> "))
                            + " can (each step has a dwell that may be 0)");
                }
                if (state[d] == 0) {
                    state[d] = 1;
                    path.add(d);
                    stack.push(new int[] {d, 0});
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Funnel" + Arrays.toString(ids);
    }
}
