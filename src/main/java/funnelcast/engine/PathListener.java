package funnelcast.engine;

/** Told each entry: deal number (pipeline deals first, in the scenario's order), stage index, time, and a win's value (else NaN). */
@FunctionalInterface
public interface PathListener {
    void entered(int deal, int stage, double time, double value);
}
