package org.nnlab.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.mock.env.MockEnvironment;

/** Hazelcast members made from the application's own configuration, for tests: alone, or a cluster on localhost. */
public final class TestMembers {
    private TestMembers() {
    }

    /** One member as a node without the profile {@code cluster} runs it. */
    public static HazelcastInstance alone() {
        return Hazelcast.newHazelcastInstance(config(new MockEnvironment(), properties(List.of(), 5701, "")));
    }

    /** {@code count} members of one new cluster (a fresh name, free ports on 127.0.0.1), joined over TCP/IP. */
    public static List<HazelcastInstance> cluster(int count) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add("127.0.0.1:" + freePort());
        }
        String secret = UUID.randomUUID().toString();
        List<HazelcastInstance> members = new ArrayList<>();
        for (String address : addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            members.add(Hazelcast.newHazelcastInstance(config(clustered(), properties(addresses, port, secret))));
        }
        return members;
    }

    static MockEnvironment clustered() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/nnlab");
        environment.setActiveProfiles(ClusterConfiguration.PROFILE);
        return environment;
    }

    static ClusterProperties properties(List<String> members, int port, String secret) {
        return new ClusterProperties(members, port, "nnlab-test", secret, null);
    }

    static Config config(MockEnvironment environment, ClusterProperties properties) {
        Config config = new ClusterConfiguration().hazelcastConfig(properties, environment);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        return config;
    }

    /** A port free now (another process may take it before the member binds it; unlikely in a test run). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
