package dev.ftpkit.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every series of a run, keyed by group, operation and contender, in the order they were first measured. */
final class Results {

    /** Identifies a series. */
    record Key(String group, String operation, String contender) {
    }

    private final Map<Key, Series> series = new LinkedHashMap<>();

    Series series(String group, String operation, String contender) {
        return series.computeIfAbsent(new Key(group, operation, contender), key -> new Series());
    }

    Optional<Series> find(String group, String operation, String contender) {
        return Optional.ofNullable(series.get(new Key(group, operation, contender)));
    }

    Map<Key, Series> all() {
        return Map.copyOf(series);
    }

    /** The contenders of one group and operation, in measuring order. */
    java.util.List<String> contenders(String group, String operation) {
        return series.keySet().stream()
                .filter(key -> key.group().equals(group) && key.operation().equals(operation))
                .map(Key::contender)
                .toList();
    }

    /** The operations of one group, in measuring order. */
    java.util.List<String> operations(String group) {
        return series.keySet().stream()
                .filter(key -> key.group().equals(group))
                .map(Key::operation)
                .distinct()
                .toList();
    }
}
