package org.nnlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The grid push delays of {@link WorkshopCrowdBench}: for each participant's action, the time from just before its
 * click was sent until the instructor's grid showed it, split where the acting person's own page showed the
 * server's answer and where the push frame naming the person reached the instructor's page.
 */
final class GridDelays {
    private GridDelays() {
    }

    /**
     * Prints the delays by kind of action and their split. {@code seen}: when the grid first showed each
     * "nickname|action" (the page's clock); {@code actions} and {@code answers}: when each was sent and answered;
     * {@code frames}: push frames naming a participant, when they arrived. An action the grid never showed is an error.
     */
    static void report(Map<String, Object> seen, Map<String, Long> actions, Map<String, Long> answers,
                       List<Map.Entry<Long, String>> frames, BiConsumer<String, String> errors) {
        Map<String, List<Long>> delays = new TreeMap<>();
        Map<String, List<Long>> split = new TreeMap<>();
        for (Map.Entry<String, Long> a : actions.entrySet()) {
            String kind = a.getKey().substring(a.getKey().indexOf('|') + 1).replaceAll("\\d+$", "");
            Object shown = seen.get(a.getKey());
            if (shown instanceof Number n) {
                delays.computeIfAbsent(kind, k -> new ArrayList<>()).add(Math.max(0, n.longValue() - a.getValue()));
                delays.computeIfAbsent("all", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - a.getValue()));
                Long answer = answers.get(a.getKey());
                if (answer != null) {
                    // the grid may show it before the person's own page has painted the answer: not below zero
                    split.computeIfAbsent("click -> own page answered", k -> new ArrayList<>()).add(Math.max(0, answer - a.getValue()));
                    split.computeIfAbsent("own page answered -> grid", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - answer));
                }
                String nickname = a.getKey().substring(0, a.getKey().indexOf('|'));
                // a frame naming the person between the action and its showing; a changed row is sent by its key
                // without the nickname, so many actions have none (an earlier frame would add seconds that are not its)
                long arrived = frames.stream().filter(f -> f.getKey() >= a.getValue() && f.getKey() <= n.longValue() + 5
                                && f.getValue().contains(nickname))
                        .mapToLong(Map.Entry::getKey).max().orElse(-1);
                if (arrived >= 0) {
                    split.computeIfAbsent("action -> push frame arrived", k -> new ArrayList<>()).add(Math.max(0, arrived - a.getValue()));
                    split.computeIfAbsent("push frame arrived -> grid", k -> new ArrayList<>()).add(Math.max(0, n.longValue() - arrived));
                }
            } else {
                errors.accept("never shown in the grid", a.getKey());
            }
        }
        dumpTimeline(seen, actions, answers, frames);
        System.out.println("== grid push delay (action sent to the browser -> instructor's grid shows it), ms:");
        delays.forEach((kind, list) -> {
            Collections.sort(list);
            System.out.printf(Locale.ROOT, "  %-6s n=%4d  p50 %6d  p95 %6d  p99 %6d  max %6d%n", kind, list.size(),
                    pick(list, 0.50), pick(list, 0.95), pick(list, 0.99), list.getLast());
        });
        System.out.println("== the same, split where the acting person's own page showed the server's answer, ms:");
        split.forEach((part, list) -> {
            Collections.sort(list);
            System.out.printf(Locale.ROOT, "  %-27s n=%4d  p50 %6d  p95 %6d  max %6d%n", part, list.size(),
                    pick(list, 0.50), pick(list, 0.95), list.getLast());
        });
    }

    /** Every action, when it was answered and shown, and every push frame naming a participant, for reading beside the server log. */
    private static void dumpTimeline(Map<String, Object> seen, Map<String, Long> actions, Map<String, Long> answers,
                                     List<Map.Entry<Long, String>> frames) {
        List<String> lines = new ArrayList<>();
        actions.forEach((k, t) -> lines.add(t + " action " + k + " answered " + answers.get(k) + " shown " + seen.get(k)));
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("Learner \\d{3}");
        for (Map.Entry<Long, String> f : frames) {
            java.util.regex.Matcher m = name.matcher(f.getValue());
            java.util.Set<String> names = new java.util.TreeSet<>();
            while (m.find()) {
                names.add(m.group());
            }
            lines.add(f.getKey() + " frame " + f.getValue().length() + " chars " + names);
        }
        Collections.sort(lines);
        try {
            Path file = Path.of("target", "crowd-timeline.txt");
            Files.write(file, lines);
            System.out.println("crowd: timeline in " + file);
        } catch (java.io.IOException e) {
            System.out.println("crowd: timeline not written: " + e);
        }
    }

    private static long pick(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
