package org.nnlab.cluster;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.cluster.*}; they take effect only with the profile {@code cluster}. Without it a
 * node runs one Hazelcast member of its own, on the loopback address, that looks for no other member.
 *
 * @param members    host:port of the members to join over TCP/IP (this node may be among them); empty when
 *                   {@code kubernetes} finds the members instead
 * @param port       the port this member listens on for the others
 * @param name       the cluster's name: members of other clusters on the same network stay apart
 * @param secret     shared by all members of one cluster; a member with another secret is turned away at join
 * @param kubernetes members found through the Kubernetes API instead of the list
 */
@ConfigurationProperties("nnlab.cluster")
public record ClusterProperties(
        @DefaultValue List<String> members,
        @DefaultValue("5701") int port,
        @DefaultValue("nnlab") String name,
        @DefaultValue("") String secret,
        @DefaultValue Kubernetes kubernetes) {

    /**
     * Discovery through the Kubernetes API (Hazelcast's built-in plugin): the pods behind a headless service.
     *
     * @param enabled     use it instead of {@code members}
     * @param namespace   the pods' namespace; empty: the pod's own
     * @param serviceName the service whose endpoints are the members
     */
    public record Kubernetes(@DefaultValue("false") boolean enabled, @DefaultValue("") String namespace,
                             @DefaultValue("") String serviceName) {
    }

    public ClusterProperties {
        members = members == null ? List.of() : members.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
        kubernetes = kubernetes == null ? new Kubernetes(false, "", "") : kubernetes;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("nnlab.cluster.port must be between 1 and 65535, got " + port);
        }
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("nnlab.cluster.name must be 1 to 64 letters, digits, '.', '_' or '-', got '"
                    + name + "'");
        }
        for (String member : members) {
            if (!member.matches("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("nnlab.cluster.members must be host:port entries, got '" + member + "'");
            }
        }
        secret = secret == null ? "" : secret;
    }
}
