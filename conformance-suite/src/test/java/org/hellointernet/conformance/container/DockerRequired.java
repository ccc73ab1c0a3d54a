package org.hellointernet.conformance.container;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when a Docker engine answers, like {@code @Testcontainers(disabledWithoutDocker = true)},
 * except that with {@code HELLO_REQUIRE_DOCKER=1} (CI: {@code .ci/run}) a missing engine is a failure, not a skip.
 */
public final class DockerRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = DockerEngine.problem();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers");
        }
        if ("1".equals(System.getenv("HELLO_REQUIRE_DOCKER"))) {
            throw new IllegalStateException("HELLO_REQUIRE_DOCKER=1 but no Docker engine answers: " + problem.get()
                    + " (docker/engine-up.sh brings one up)");
        }
        return ConditionEvaluationResult.disabled("no Docker engine answers (" + problem.get() + "); skipped."
                + " Set HELLO_REQUIRE_DOCKER=1 to make this a failure");
    }
}
