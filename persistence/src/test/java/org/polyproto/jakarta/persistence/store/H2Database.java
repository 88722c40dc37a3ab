package org.polyproto.jakarta.persistence.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.cfg.Configuration;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.persistence.entity.ActorEntity;
import org.polyproto.jakarta.persistence.entity.ActorLockEntity;
import org.polyproto.jakarta.persistence.entity.ChallengeEntity;
import org.polyproto.jakarta.persistence.entity.InitKeyEntity;
import org.polyproto.jakarta.persistence.entity.EventCursorEntity;
import org.polyproto.jakarta.persistence.entity.EventEntity;
import org.polyproto.jakarta.persistence.entity.IdCertEntity;
import org.polyproto.jakarta.persistence.entity.KeyMaterialEntity;
import org.polyproto.jakarta.persistence.entity.KeyPackageEntity;
import org.polyproto.jakarta.persistence.entity.KeyTrialEntity;
import org.polyproto.jakarta.persistence.entity.ServiceEntity;
import org.polyproto.jakarta.persistence.entity.KeyCustodyEntity;
import org.polyproto.jakarta.persistence.entity.ServerKeyEntity;
import org.polyproto.jakarta.persistence.entity.SessionEntity;
import org.polyproto.jakarta.persistence.schema.SchemaMigrations;
import org.polyproto.jakarta.spi.ConfigurationSource;

/** A fresh in-memory H2 database with the module's migrations, and Hibernate over it, for store tests. */
final class H2Database implements AutoCloseable {

    static final String DOMAIN = "example.com";

    final JdbcDataSource dataSource = new JdbcDataSource();
    final EntityManagerFactory factory;

    H2Database() {
        String url = "jdbc:h2:mem:stores-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        dataSource.setURL(url);
        SchemaMigrations.migrate(dataSource);
        factory = new Configuration()
                .addAnnotatedClass(IdCertEntity.class).addAnnotatedClass(SessionEntity.class)
                .addAnnotatedClass(ServerKeyEntity.class).addAnnotatedClass(KeyCustodyEntity.class)
                .addAnnotatedClass(ChallengeEntity.class).addAnnotatedClass(InitKeyEntity.class).addAnnotatedClass(KeyPackageEntity.class)
                .addAnnotatedClass(EventEntity.class).addAnnotatedClass(EventCursorEntity.class)
                .addAnnotatedClass(ActorEntity.class).addAnnotatedClass(ActorLockEntity.class)
                .addAnnotatedClass(KeyMaterialEntity.class).addAnnotatedClass(ServiceEntity.class)
                .addAnnotatedClass(KeyTrialEntity.class)
                .setProperty("hibernate.connection.url", url)
                // the contract tests' 16 concurrent transactions, each with a connection of its own
                .setProperty("hibernate.connection.pool_size", "24")
                .setProperty("hibernate.hbm2ddl.auto", "none")
                .setProperty("hibernate.generate_statistics", "true")
                .setProperty("hibernate.session.events.log", "false")
                .buildSessionFactory();
    }

    ServerScope scope(String domain) {
        ServerScope scope = new ServerScope();
        scope.settings = PersistenceSettings.read(key -> key.equals(PersistenceSettings.DOMAIN) ? Optional.of(domain)
                : Optional.empty());
        scope.init();
        return scope;
    }

    /** A {@link NewTransaction} with an EntityManager and a resource-local transaction of its own per call. */
    NewTransaction newTransaction() {
        return new NewTransaction() {
            @Override
            public <T> T run(Function<EntityManager, T> work) {
                EntityManager em = factory.createEntityManager();
                try {
                    return inTransaction(em, () -> work.apply(em));
                } finally {
                    em.close();
                }
            }
        };
    }

    /** A custody as one node would have it: its own EntityManager, the given settings. */
    JpaServerKeyCustody custody(ConfigurationSource configuration) {
        JpaServerKeyCustody custody = new JpaServerKeyCustody();
        custody.em = factory.createEntityManager();
        custody.settings = PersistenceSettings.read(key -> key.equals(PersistenceSettings.DOMAIN) ? Optional.of(DOMAIN)
                : configuration.get(key));
        custody.scope = scope(DOMAIN);
        custody.tx = newTransaction();
        custody.sql = sqlOn(custody.em);
        return custody;
    }

    /**
     * {@link UnitSql} on the connection of {@code em}'s transaction, as a container shares the transaction's
     * connection: closing it leaves it to the EntityManager.
     */
    static UnitSql sqlOn(EntityManager em) {
        UnitSql sql = new UnitSql();
        sql.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection held = em.unwrap(Session.class).doReturningWork(c -> c);
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    return null;
                                }
                                try {
                                    return m.invoke(held, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
        return sql;
    }

    static <T> T inTransaction(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
