package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type a library module makes public, against {@code public-types.txt}, which lists each one with who outside
 * needs it. A type public beyond that list fails the test (make it package-private, or list it and say who needs
 * it); a listed type that is no longer public fails it too, so that the list stays the modules' API.
 *
 * <p>Reads the modules' compiled classes ({@code MODULE/target/classes}, as their jars hold them) and asks each
 * class's modifiers: a nested type counts only when every type around it is public too.
 */
class PublicTypesTest {
    /** The library modules: what a host or a plugin puts on its class path. */
    private static final List<String> MODULES = List.of("connector-spi", "connector-host", "host-temporal",
            "connector-dynamodb", "connector-testkit", "connector-dynamodb-testing");

    @Test
    void everyPublicTypeIsOneSomebodyOutsideNeeds() throws IOException, ClassNotFoundException {
        Set<String> listed = listed();
        Set<String> actual = new TreeSet<>();
        for (String module : MODULES) {
            for (String type : publicTypes(Path.of("..", module, "target", "classes"))) {
                actual.add(module + " " + type);
            }
        }
        List<String> unlisted = actual.stream().filter(t -> !listed.contains(t)).toList();
        List<String> gone = listed.stream().filter(t -> !actual.contains(t)).toList();
        assertEquals(List.of(), unlisted, "public, but public-types.txt names nobody outside who needs it");
        assertEquals(List.of(), gone, "listed in public-types.txt, but not (or no longer) public");
        for (String module : MODULES) {
            assertTrue(actual.stream().anyMatch(t -> t.startsWith(module + " ")), module + " was read");
        }
    }

    /** The listed types, {@code MODULE TYPE} per line; text after {@code #} is who needs it. */
    private static Set<String> listed() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (InputStream in = PublicTypesTest.class.getResourceAsStream("/public-types.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceAll("#.*", "").strip().replaceAll("\\s+", " ");
                if (!entry.isEmpty()) {
                    listed.add(entry);
                }
            }
        }
        return listed;
    }

    private static List<String> publicTypes(Path classes) throws IOException, ClassNotFoundException {
        assertTrue(Files.isDirectory(classes), classes + " (compiled before this test runs)");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
                    names.add(name);
                }
            }
        }
        List<String> open = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, PublicTypesTest.class.getClassLoader());
            if (!type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic() && reachable(type)) {
                open.add(type.getName());
            }
        }
        return open;
    }

    /** Public, and so is every type around it. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
