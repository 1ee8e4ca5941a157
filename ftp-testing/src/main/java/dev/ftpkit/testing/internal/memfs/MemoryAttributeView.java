package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The "basic" view of one path, the only view there is. Like the JDK's views it is bound to the path, not the
 * node: each call looks the path up again. Also reads and sets attributes by name ({@code "basic:size"}).
 */
final class MemoryAttributeView implements BasicFileAttributeView {

    private static final Map<String, Function<MemoryAttributes, Object>> ATTRIBUTES = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put("lastModifiedTime", MemoryAttributes::lastModifiedTime);
        ATTRIBUTES.put("lastAccessTime", MemoryAttributes::lastAccessTime);
        ATTRIBUTES.put("creationTime", MemoryAttributes::creationTime);
        ATTRIBUTES.put("size", MemoryAttributes::size);
        ATTRIBUTES.put("isRegularFile", MemoryAttributes::isRegularFile);
        ATTRIBUTES.put("isDirectory", MemoryAttributes::isDirectory);
        ATTRIBUTES.put("isSymbolicLink", MemoryAttributes::isSymbolicLink);
        ATTRIBUTES.put("isOther", MemoryAttributes::isOther);
        ATTRIBUTES.put("fileKey", MemoryAttributes::fileKey);
    }

    private final MemoryTree tree;
    private final MemoryPath path;

    MemoryAttributeView(MemoryTree tree, MemoryPath path) {
        this.tree = tree;
        this.path = path;
    }

    @Override
    public String name() {
        return "basic";
    }

    @Override
    public MemoryAttributes readAttributes() throws IOException {
        return tree.attributes(path);
    }

    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
        tree.setTimes(path, lastModifiedTime, lastAccessTime, createTime);
    }

    /** Reads {@code "[basic:]name,name"} or {@code "[basic:]*"}, as {@code Files.readAttributes} asks. */
    Map<String, Object> read(String attributes) throws IOException {
        List<String> names = List.of(withoutView(attributes).split(","));
        MemoryAttributes values = readAttributes();
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : names) {
            if (name.equals("*")) {
                ATTRIBUTES.forEach((key, getter) -> result.put(key, getter.apply(values)));
            } else if (ATTRIBUTES.containsKey(name)) {
                result.put(name, ATTRIBUTES.get(name).apply(values));
            } else {
                throw new IllegalArgumentException("'" + name + "' not recognized");
            }
        }
        return result;
    }

    /** Sets one of the three times by name, as {@code Files.setAttribute} asks. */
    void set(String attribute, Object value) throws IOException {
        String name = withoutView(attribute);
        if (!ATTRIBUTES.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' not recognized");
        }
        if (!name.endsWith("Time")) {
            throw new IllegalArgumentException("'" + name + "' cannot be set");
        }
        FileTime time = (FileTime) value; // ClassCastException for a wrong type, as the JDK's views do
        switch (name) {
            case "lastModifiedTime" -> setTimes(time, null, null);
            case "lastAccessTime" -> setTimes(null, time, null);
            default -> setTimes(null, null, time);
        }
    }

    private static String withoutView(String attribute) {
        int colon = attribute.indexOf(':');
        if (colon < 0) {
            return attribute;
        }
        String view = attribute.substring(0, colon);
        if (!view.equals("basic")) {
            throw new UnsupportedOperationException("view '" + view + "' not available");
        }
        return attribute.substring(colon + 1);
    }
}
