package org.nnlab.workshop;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.nnlab.base.RateBuckets;
import org.nnlab.cluster.TestMembers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Databases for workshop tests, migrated by the real Flyway migrations, without a Spring context. */
final class Databases {
    private Databases() {
    }

    static JdbcClient h2(String url) {
        return migrated(new DriverManagerDataSource(url, "sa", ""));
    }

    static JdbcClient migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    static RoomService service(JdbcClient jdbc, WorkshopProperties properties) {
        return new RoomService(jdbc, new LocalRoomEvents(), properties, joinBuckets());
    }

    /** Join-attempt buckets of their own (a fresh map) in the one Hazelcast member these tests share. */
    static ProxyManager<String> joinBuckets() {
        return RateBuckets.inMap(Member.ALONE.getMap("join-buckets-" + UUID.randomUUID()));
    }

    /** Started on first use, for the rest of the test run. */
    private static final class Member {
        static final HazelcastInstance ALONE = TestMembers.alone();
    }
}
