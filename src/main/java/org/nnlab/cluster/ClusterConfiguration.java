package org.nnlab.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.nnlab.base.LocalBucketStore;
import org.nnlab.base.RateBuckets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The Hazelcast member embedded in every node (Spring Boot starts and stops it from this {@link Config}).
 * <p>
 * Alone (the default) the member binds an ephemeral port on the loopback address, under a cluster name no
 * other member has, and has every way of finding others switched off (multicast, TCP/IP, cloud
 * auto-detection): two nodes, or two test contexts, on one machine never meet. With the profile
 * {@code cluster} it joins the members listed in {@code nnlab.cluster.members}, or those Kubernetes names.
 * Neither mode calls out to the internet (Hazelcast's phone-home is off).
 */
@Configuration
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {
    static final String PROFILE = "cluster";
    /** The map that holds the classify API's rate-limit buckets, one entry per client address. */
    static final String CLASSIFY_BUCKETS = "nnlab-classify-buckets";
    /** The map that holds the workshop's join-attempt buckets, one entry per client address. */
    static final String JOIN_BUCKETS = "nnlab-join-buckets";
    private static final int BUCKET4J_SERIALIZER_BASE = 2_000;

    @Bean
    Config hazelcastConfig(ClusterProperties properties, Environment environment) {
        boolean cluster = environment.acceptsProfiles(Profiles.of(PROFILE));
        Config config = new Config();
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Spring shuts the member down with the application context; the JVM hook would race it.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), BUCKET4J_SERIALIZER_BASE);
        NetworkConfig network = config.getNetworkConfig();
        network.setPortAutoIncrement(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (cluster) {
            requirePostgres(environment);
            clustered(config, properties);
        } else {
            config.setClusterName("nnlab-alone-" + UUID.randomUUID());
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
            config.setProperty("hazelcast.socket.bind.any", "false");
            // Alone, the member holds a few small maps: fewer partitions and threads keep it light.
            config.setProperty("hazelcast.partition.count", "31");
            config.setProperty("hazelcast.io.thread.count", "1");
            config.setProperty("hazelcast.operation.thread.count", "2");
            config.setProperty("hazelcast.operation.generic.thread.count", "1");
            config.setProperty("hazelcast.event.thread.count", "1");
            config.setProperty("hazelcast.client.engine.thread.count", "1");
            config.setProperty("hazelcast.client.engine.query.thread.count", "1");
            config.setProperty("hazelcast.client.engine.blocking.thread.count", "1");
            network.setPort(0);
        }
        return config;
    }

    private static void clustered(Config config, ClusterProperties properties) {
        config.setClusterName(clusterName(properties));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(properties.port());
        JoinConfig join = network.getJoin();
        if (properties.kubernetes().enabled()) {
            var kubernetes = join.getKubernetesConfig().setEnabled(true);
            if (!properties.kubernetes().namespace().isBlank()) {
                kubernetes.setProperty("namespace", properties.kubernetes().namespace());
            }
            if (!properties.kubernetes().serviceName().isBlank()) {
                kubernetes.setProperty("service-name", properties.kubernetes().serviceName());
            }
        } else if (properties.members().isEmpty()) {
            throw new IllegalStateException("The profile 'cluster' needs nnlab.cluster.members (host:port of the "
                    + "members, comma-separated) or nnlab.cluster.kubernetes.enabled=true.");
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(properties.members());
        }
    }

    /**
     * The name members compare at join: the configured name and a digest of the secret, so the secret itself is
     * never sent or logged. The open-source edition has no member authentication: this keeps out a member set up
     * with another secret (another class's cluster, a mistake), not an attacker who can read the traffic.
     */
    static String clusterName(ClusterProperties properties) {
        if (properties.secret().isEmpty()) {
            return properties.name();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((properties.name() + '\n' + properties.secret()).getBytes(StandardCharsets.UTF_8));
            return properties.name() + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void requirePostgres(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ClusterOnH2Exception(url);
        }
    }

    /**
     * The classify API's rate-limit buckets: in the cluster's map when there is a cluster (one limit over all
     * nodes), in this JVM when the node is alone, where every request would otherwise wait for a Hazelcast
     * partition thread to take its token (under load tens to hundreds of milliseconds of a classify request).
     */
    @Bean
    ProxyManager<String> classifyBucketStore(HazelcastInstance hazelcast, Environment environment) {
        return bucketStore(hazelcast, environment, CLASSIFY_BUCKETS);
    }

    static ProxyManager<String> bucketStore(HazelcastInstance hazelcast, Environment environment, String map) {
        if (environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return RateBuckets.inMap(hazelcast.getMap(map));
        }
        return new LocalBucketStore(RateBuckets.KEEP_AFTER_FULL);
    }

    @Bean
    ProxyManager<String> joinBucketStore(HazelcastInstance hazelcast) {
        return RateBuckets.inMap(hazelcast.getMap(JOIN_BUCKETS));
    }
}
