package org.nnlab.engine.reference;

import java.util.Map;
import java.util.Set;

/**
 * Runs reference cases of some kinds through our engine and compares with the expected values. A case
 * arrives as parsed JSON: {@code Map<String, Object>} objects, {@code List<Object>} arrays,
 * {@code Double} numbers, {@code String}, {@code Boolean} and {@code null}. Use {@link NestedArray} to
 * turn nested lists into flat float arrays with their shape.
 */
interface ReferenceRunner {
    /** The {@code "kind"} values this runner handles. */
    Set<String> kinds();

    /** Compares every expected array of the case; throws with a clear message if the case is malformed. */
    CaseResult run(Map<String, Object> testCase);
}
