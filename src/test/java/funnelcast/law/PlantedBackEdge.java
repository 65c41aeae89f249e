package funnelcast.law;

import funnelcast.cli.Main;

/** A deliberate back-edge for LayeringTest: a class in dist that reaches up into cli. Test code only. */
public final class PlantedBackEdge {
    private PlantedBackEdge() {
    }

    static Object commandLine() {
        return Main.commandLine();
    }
}
