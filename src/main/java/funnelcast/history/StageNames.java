package funnelcast.history;

import funnelcast.InputException;
import funnelcast.model.Exit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a CRM's stage names become stage ids: lower-cased, each run of characters other than
 * letters and digits becomes one '-', trimmed at both ends: "Proposal/Price Quote" becomes
 * "proposal-price-quote", "Needs Analysis" and "needs_analysis" both "needs-analysis".
 * The won and lost labels (compared trimmed and in any case; by default "Won" and "Closed Won",
 * "Lost" and "Closed Lost") mean won and lost. An explicit map ({@code --stage-map}) comes first.
 */
public record StageNames(List<String> wonLabels, List<String> lostLabels, Map<String, String> map) {
    /** A stage id as a scenario writes it: letters, digits, '-' and '_'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    public static final StageNames DEFAULT = new StageNames(List.of("Won", "Closed Won"), List.of("Lost", "Closed Lost"),
        Map.of());
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9]+");

    public StageNames {
        wonLabels = List.copyOf(wonLabels);
        lostLabels = List.copyOf(lostLabels);
        map = Map.copyOf(map);
        for (Map.Entry<String, String> e : map.entrySet()) {
            String to = e.getValue().trim();
            if (!(to.equals(Exit.WON) || to.equals(Exit.LOST) || ID.matcher(to).matches())) {
                throw new InputException("--stage-map: expected NAME=ID with an id of letters, digits, '-' and "
                    + "'_' (or won, lost), got '" + e.getKey() + "=" + e.getValue() + "'");
            }
        }
    }

    /** The stage id of a name, or null when the name holds no letter or digit. */
    public String id(String name) {
        String trimmed = name.trim();
        String mapped = map.get(trimmed);
        if (mapped != null) {
            return mapped.trim();
        }
        if (matches(wonLabels, trimmed)) {
            return Exit.WON;
        }
        if (matches(lostLabels, trimmed)) {
            return Exit.LOST;
        }
        String id = OTHER.matcher(trimmed.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? null : id;
    }

    private static boolean matches(List<String> labels, String name) {
        return labels.stream().anyMatch(l -> l.trim().equalsIgnoreCase(name));
    }
}
