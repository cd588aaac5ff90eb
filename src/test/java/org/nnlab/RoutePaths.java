package org.nnlab;

import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Addresses to open for tests that visit every page: each registered route, plus one that no route has. */
public final class RoutePaths {
    private RoutePaths() {
    }

    /** Each route's template with its optional parameters left out; a required parameter is refused. */
    public static List<String> of(Collection<RouteData> routes) {
        List<String> paths = new ArrayList<>();
        for (RouteData route : routes) {
            String path = Stream.of(route.getTemplate().split("/"))
                    .filter(segment -> !(segment.startsWith(":") && (segment.endsWith("?") || segment.endsWith("*"))))
                    .collect(Collectors.joining("/"));
            if (path.contains(":")) {
                throw new IllegalStateException("give the test a value for the route parameter in " + route.getTemplate());
            }
            paths.add(path);
        }
        paths.add("no-such-page-here");
        return paths;
    }
}
