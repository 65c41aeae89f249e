package funnelcast.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

/**
 * The font charts are drawn in: the first installed family that can show every label (CJK
 * included), preferring the usual CJK families. Where none can, labels fall back to the stage
 * ids and a one-line warning is given once: never boxes.
 */
public final class ChartFonts {
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans CJK", "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei", "Source Han Sans SC", "AR PL UMing CN", "Droid Sans Fallback", "DejaVu Sans", "SansSerif");
    private static volatile boolean warned;
    private static volatile Consumer<String> warnings = System.err::println;

    private ChartFonts() {
    }

    /** Where the one-line warning goes (the command line's stderr). */
    public static void warnTo(Consumer<String> sink) {
        warnings = sink;
        warned = false;
    }

    /** A title as given, or with what the fonts cannot draw left out. */
    public static Labels title(String title) {
        return labels(List.of(title), List.of(title.replaceAll("[^\\x20-\\x7E]", "").trim()));
    }

    /** A family that displays all the texts, or null. */
    static String familyFor(Collection<String> texts) {
        String sample = String.join("", texts);
        List<String> families = new ArrayList<>(PREFERRED);
        families.addAll(List.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        for (String family : families) {
            Font f = new Font(family, Font.PLAIN, 12);
            if ((f.getFamily().equals(family) || family.equals("SansSerif")) && f.canDisplayUpTo(sample) == -1) {
                return family;
            }
        }
        return null;
    }

    /**
     * The labels to draw: as given when a font shows them, else the fallbacks (stage ids), with
     * the warning. Returns the labels and applies the font theme to charts via {@link #apply}.
     */
    public static Labels labels(List<String> labels, List<String> fallbacks) {
        String family = familyFor(labels);
        if (family != null) {
            return new Labels(labels, family);
        }
        if (!warned) {
            warned = true;
            warnings.accept("warning: no installed font can draw the stage labels (CJK); charts use stage ids "
                + "(install a CJK font, e.g. apt-get install fonts-wqy-microhei)");
        }
        String plain = familyFor(fallbacks);
        return new Labels(fallbacks, plain != null ? plain : "SansSerif");
    }

    /** The labels chosen and the family that draws them. */
    public record Labels(List<String> texts, String family) {
        public Labels {
            texts = List.copyOf(texts);
        }

        public String get(int i) {
            return texts.get(i);
        }

        /** Draws the chart's texts in this family. */
        public JFreeChart apply(JFreeChart chart) {
            StandardChartTheme theme = new StandardChartTheme("funnelcast");
            theme.setExtraLargeFont(new Font(family, Font.BOLD, 18));
            theme.setLargeFont(new Font(family, Font.BOLD, 14));
            theme.setRegularFont(new Font(family, Font.PLAIN, 12));
            theme.setSmallFont(new Font(family, Font.PLAIN, 10));
            theme.apply(chart);
            return chart;
        }
    }
}
