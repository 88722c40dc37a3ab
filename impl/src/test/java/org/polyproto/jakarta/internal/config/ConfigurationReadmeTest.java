package org.polyproto.jakarta.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;

/** The README documents exactly the keys that the module and its persistence declare. */
class ConfigurationReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(polyproto\\.[^`]+)`");

    @Test
    void theReadmeTablesListEveryDeclaredKeyAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1));
            }
        }
        Set<String> declared = new TreeSet<>(PolyprotoConfig.KEYS);
        declared.addAll(PersistenceSettings.KEYS);
        assertTrue(documented.size() > 30, "the tables were found: " + documented);
        assertEquals(declared, documented);
    }
}
