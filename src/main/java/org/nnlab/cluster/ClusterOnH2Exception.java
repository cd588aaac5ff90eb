package org.nnlab.cluster;

/** The profile {@code cluster} was started on a database only this node can see. */
final class ClusterOnH2Exception extends IllegalStateException {
    ClusterOnH2Exception(String url) {
        super("NN Lab refuses to start the profile 'cluster' on the database " + (url.isEmpty() ? "(none set)" : url)
                + ": the members of a cluster must share one PostgreSQL database. Set spring.datasource.url to a "
                + "jdbc:postgresql: address, or leave it to the 'postgres' settings that the profile 'cluster' brings.");
    }
}
