package org.nnlab.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a cluster set up on a database of its own into Spring Boot's short start-up failure report. */
class ClusterFailureAnalyzer extends AbstractFailureAnalyzer<ClusterOnH2Exception> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClusterOnH2Exception cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Run the cluster's nodes on one PostgreSQL database: the profile 'cluster' brings the 'postgres' "
                        + "settings; point SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                        + "SPRING_DATASOURCE_PASSWORD at the shared server.", cause);
    }
}
