package org.nnlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ClusterConfigurationTest {

    @Test
    void membersAloneNeverMeetEachOther() throws Exception {
        HazelcastInstance a = TestMembers.alone();
        HazelcastInstance b = TestMembers.alone();
        try {
            assertEquals(1, a.getCluster().getMembers().size());
            assertEquals(1, b.getCluster().getMembers().size());
            assertTrue(a.getCluster().getLocalMember().getAddress().getInetAddress().isLoopbackAddress());
            assertNotEquals(a.getConfig().getClusterName(), b.getConfig().getClusterName());
            assertEquals("false", a.getConfig().getProperty("hazelcast.phone.home.enabled"));
        } finally {
            a.shutdown();
            b.shutdown();
        }
    }

    @Test
    void membersWithTheSameSecretFormOneCluster() {
        List<HazelcastInstance> members = TestMembers.cluster(2);
        try {
            assertEquals(2, members.get(0).getCluster().getMembers().size());
            assertEquals(members.get(0).getCluster().getMembers(), members.get(1).getCluster().getMembers());
        } finally {
            members.forEach(HazelcastInstance::shutdown);
        }
    }

    @Test
    void theSecretDecidesTheNameMembersCompare() {
        String one = ClusterConfiguration.clusterName(TestMembers.properties(List.of(), 5701, "s3cret"));
        String other = ClusterConfiguration.clusterName(TestMembers.properties(List.of(), 5701, "other"));
        assertNotEquals(one, other);
        assertTrue(one.startsWith("nnlab-test-") && !one.contains("s3cret"), one);
    }

    @Test
    void refusesAClusterOnH2WithAClearMessage() {
        MockEnvironment environment = TestMembers.clustered()
                .withProperty("spring.datasource.url", "jdbc:h2:file:/tmp/nnlab");
        ClusterOnH2Exception e = assertThrows(ClusterOnH2Exception.class, () -> new ClusterConfiguration()
                .hazelcastConfig(TestMembers.properties(List.of("127.0.0.1:5701"), 5701, ""), environment));
        assertTrue(e.getMessage().contains("PostgreSQL") && e.getMessage().contains("jdbc:h2"), e.getMessage());
    }

    @Test
    void refusesAClusterWithoutAWayToFindMembers() {
        assertThrows(IllegalStateException.class, () -> new ClusterConfiguration()
                .hazelcastConfig(TestMembers.properties(List.of(), 5701, ""), TestMembers.clustered()));
    }

    @Test
    void refusesBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> TestMembers.properties(List.of("not a host"), 5701, ""));
        assertThrows(IllegalArgumentException.class, () -> TestMembers.properties(List.of(), 0, ""));
        assertThrows(IllegalArgumentException.class, () -> new ClusterProperties(List.of(), 5701, "a b", "", null));
    }
}
