package org.nnlab.reliability;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelStoreProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Saves one model the way the Train view does, into the database the application's own
 * {@code spring.datasource.url} names (under the data folder {@code args[0]}, already migrated), prints {@code SAVED <id>} and
 * waits to be killed. Run in its own JVM by {@link ModelsReliabilityTest}.
 */
public final class SaveThenWait {
    private SaveThenWait() {
    }

    public static void main(String[] args) throws Exception {
        String owner = args[1];
        try (HikariDataSource db = pool(applicationDatabaseUrl(args[0]))) {
            ModelStore store = store(db);
            byte[] file = ModelFile.toBytes(Sequential.build(
                    ModelSpec.of(Shape.of(4), new DenseSpec(3)), new SplittableRandom(args[2].hashCode())));
            String id = store.save(owner, "kept " + args[2], file, null).id();
            System.out.println("SAVED " + id);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    /** A pooled connection to {@code url} (as the application keeps one), migrated. */
    static HikariDataSource database(String url) {
        HikariDataSource db = pool(url);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource db = new HikariDataSource();
        db.setJdbcUrl(url);
        db.setUsername("sa");
        db.setPassword("");
        return db;
    }

    static ModelStore store(HikariDataSource db) {
        return new ModelStore(JdbcClient.create(db), new JdbcTransactionManager(db), ModelStoreProperties.defaults(),
                SpecLimits.DEFAULT);
    }

    /** {@code spring.datasource.url} from application.properties, with the data folder filled in. */
    static String applicationDatabaseUrl(String dataDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SaveThenWait.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p.getProperty("spring.datasource.url").replace("${nnlab.data-dir}", dataDir);
    }
}
