package dev.authrag.bootstrap.metrics;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** One scrape of /prometheus (text exposition format), searched by sample name and labels. */
record PrometheusScrape(List<String> samples) {

    static PrometheusScrape of(String body) {
        return new PrometheusScrape(body.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
    }

    /** The sum of the samples of this name that carry every given label (name, value, name, value...); 0 if none. */
    double sum(String name, String... labels) {
        return matching(name, labels).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    boolean has(String name, String... labels) {
        return matching(name, labels).findAny().isPresent();
    }

    boolean mentions(String text) {
        return samples.stream().anyMatch(line -> line.contains(text));
    }

    private Stream<String> matching(String name, String... labels) {
        return samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> IntStream.iterate(0, i -> i < labels.length, i -> i + 2)
                        .allMatch(i -> line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")));
    }
}
