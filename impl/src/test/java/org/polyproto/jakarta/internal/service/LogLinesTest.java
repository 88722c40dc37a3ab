package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The module's log lines, at every level, while every flow runs (register, trust right and wrong up to a lock,
 * identify and refused identifies, ID-Cert renewal, rotation, revocations): each carries a message id, the security
 * events are on their own logger, and no line holds a password, a token, a CSR or a private key. The sources are
 * checked too: no class logs except through the message classes, and no id is used twice.
 */
class LogLinesTest {

    private static final Pattern ID = Pattern.compile("^P2J(\\d{4})([EWID]): \\S.*", Pattern.DOTALL);
    private static final String PASSWORD = "correct horse battery";

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger root = Logger.getLogger(ModuleLog.NAME);
    private final Handler capture = new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @BeforeEach
    void captureEveryLevel() {
        levelBefore = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void release() {
        root.removeHandler(capture);
        root.setLevel(levelBefore);
    }

    @Test
    void everyFlowLogsLinesWithIdsAndWithoutSecrets() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.brute-force.max-failures", "2"));
        TestActor key = TestActor.generate();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "a wrong password!",
                Base64.getEncoder().encodeToString(f.serverKeys.current().privateKeySeed())));
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        String csr = key.csrPem("alice", ServiceFixture.DOMAIN, "phone");
        secrets.add(csr);
        IssuedIdCertRepresentation trusted = f.trusts.trust("alice", csr, Optional.of(PASSWORD),
                JsonValue.EMPTY_JSON_OBJECT);
        secrets.add(trusted.token());
        for (int i = 0; i < 3; i++) {
            assertThrows(PolyprotoException.class, () -> f.trusts.trust("alice", csr, Optional.of("a wrong password!"),
                    JsonValue.EMPTY_JSON_OBJECT));
        }
        assertThrows(PolyprotoException.class, () -> f.trusts.trust("nobody", csr, Optional.of(PASSWORD),
                JsonValue.EMPTY_JSON_OBJECT));
        ServiceFixture.Issued bob = f.issue("bob", "laptop");
        secrets.add(bob.token());
        String identified = f.identify(bob.key(), bob.certDer()).token();
        secrets.add(identified);
        assertThrows(PolyprotoException.class, () -> f.identify(key, bob.certDer()));
        f.advance(java.time.Duration.ofSeconds(1));
        f.serverKeys.rotate();
        assertThrows(PolyprotoException.class, () -> f.identify(bob.key(), bob.certDer()));
        f.sessions.revoke(f.sessions.authenticate(identified));
        f.sessions.revokeAll(f.sessions.authenticate(trusted.token()));

        Set<String> ids = new HashSet<>();
        for (LogRecord record : records) {
            String line = record.getMessage();
            Matcher id = ID.matcher(line);
            assertTrue(id.matches(), () -> "no message id: " + line);
            ids.add(id.group(1));
            String all = line + (record.getThrown() == null ? "" : " " + record.getThrown());
            for (String secret : secrets) {
                assertFalse(all.contains(secret.strip()), () -> "a secret in: " + line);
            }
            assertTrue(record.getLoggerName().startsWith(ModuleLog.NAME), record.getLoggerName());
            assertEquals(id.group(1).startsWith("2"), record.getLoggerName().endsWith(".security"), line);
        }
        for (String expected : List.of("1003", "2001", "2002", "2003", "2004", "2006", "2007", "2008")) {
            assertTrue(ids.contains(expected), () -> "P2J" + expected + " missing from " + ids);
        }
    }

    @Test
    void onlyTheMessageClassesLogAndNoIdIsUsedTwice() throws IOException {
        Pattern declared = Pattern.compile("Level\\.[A-Z]+, (\\d{4}),");
        List<String> ids = new ArrayList<>();
        for (Path sources : List.of(Path.of("src/main/java"), Path.of("../persistence/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    boolean messageClass = file.getFileName().toString().matches("(Module|Security|Persistence)Log\\.java");
                    if (!messageClass) {
                        assertFalse(source.contains("Logger.getLogger") || source.contains("System.Logger"),
                                () -> file + " logs without a message id");
                    }
                    Matcher m = declared.matcher(source);
                    while (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(ids.size() > 20, ids::toString);
        assertEquals(new HashSet<>(ids).size(), ids.size(), () -> "an id used twice: " + ids);
    }
}
