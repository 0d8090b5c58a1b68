package io.connectorkit.host.workflow;

import java.util.List;

/**
 * A workflow that cannot run as written: every problem found, each naming the step (and input) at fault.
 */
public final class WorkflowException extends RuntimeException {
    private final List<String> problems;

    public WorkflowException(String workflowName, List<String> problems) {
        super("workflow '" + workflowName + "' is invalid:\n  - " + String.join("\n  - ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a WorkflowException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order the workflow declares what they concern. */
    public List<String> problems() {
        return problems;
    }
}
