package org.nnlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.nnlab.engine.reference.CaseOutcome;
import org.nnlab.engine.reference.ReferenceCheck;

/**
 * Runs a file of PyTorch reference values through the engine: one line per case, then
 * {@code N passed, N failed, N skipped}. Exit status 0 only when nothing failed.
 */
final class ReferenceCheckCommand implements Command {
    @Override
    public String name() {
        return "reference-check";
    }

    @Override
    public String summary() {
        return "compare the engine with PyTorch reference values from a JSON file";
    }

    @Override
    public String usage() {
        return "reference-check FILE.json";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.size() != 1) {
            throw new UsageException("expected one reference file, got " + args.size() + " arguments");
        }
        List<CaseOutcome> outcomes;
        try {
            outcomes = ReferenceCheck.run(Path.of(args.getFirst()));
        } catch (IOException e) {
            err.println("reference-check: cannot read " + args.getFirst() + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("reference-check: " + args.getFirst() + ": " + e.getMessage());
            return 1;
        }
        for (CaseOutcome o : outcomes) {
            out.println(o.line());
        }
        out.println(ReferenceCheck.summary(outcomes));
        return ReferenceCheck.count(outcomes, CaseOutcome.Status.FAIL) == 0 ? 0 : 1;
    }
}
