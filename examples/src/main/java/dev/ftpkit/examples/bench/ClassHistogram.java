package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of this JVM's heap by class, as {@code jcmd PID GC.class_histogram} prints them (it runs a full
 * GC first), read through the same diagnostic command's MBean; and what grew between two of them.
 *
 * @param bytesByClass shallow bytes of the live instances of each class
 * @param instancesByClass how many live instances each class has
 */
record ClassHistogram(Map<String, Long> bytesByClass, Map<String, Long> instancesByClass) {

    /**
     * One class's growth.
     *
     * @param className the class, as the histogram names it ({@code [B} is byte[])
     * @param instances instances added
     * @param bytes bytes added
     */
    record Growth(String className, long instances, long bytes) {
    }

    /** Takes a histogram of this JVM now. */
    static ClassHistogram now() throws IOException {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return parse(text);
        } catch (JMException e) {
            throw new IOException("GC.class_histogram failed", e);
        }
    }

    /** Parses lines like {@code "   1:   120   4800  [B (java.base@17)"}; other lines are headers or the total. */
    static ClassHistogram parse(String text) {
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> instances = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 4 && words[0].endsWith(":") && words[1].matches("[0-9]+") && words[2].matches("[0-9]+")) {
                bytes.merge(words[3], Long.parseLong(words[2]), Long::sum);
                instances.merge(words[3], Long.parseLong(words[1]), Long::sum);
            }
        }
        return new ClassHistogram(Map.copyOf(bytes), Map.copyOf(instances));
    }

    /** Every class that grew since {@code before}, most bytes first. */
    List<Growth> growthSince(ClassHistogram before) {
        return bytesByClass.keySet().stream()
                .map(name -> new Growth(name,
                        instancesByClass.getOrDefault(name, 0L) - before.instancesByClass.getOrDefault(name, 0L),
                        bytesByClass.get(name) - before.bytesByClass.getOrDefault(name, 0L)))
                .filter(growth -> growth.bytes() > 0)
                .sorted(Comparator.comparingLong(Growth::bytes).reversed())
                .toList();
    }
}
