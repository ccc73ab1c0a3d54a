package org.hellointernet.conformance.target;

import java.time.Duration;
import java.util.Objects;

/** Outcome of {@link ServerLauncher#start}: the server is listening, or why it is not. */
public sealed interface Started permits Started.Running, Started.Failed {

    /**
     * The server listens on its port.
     *
     * @param process the running server; the caller closes it (try-with-resources)
     * @param startup time from start until it was seen listening
     */
    record Running(Program process, Duration startup) implements Started {

        public Running {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(startup, "startup");
        }
    }

    /** The server did not start; its processes have already been killed. */
    record Failed(StartFailure failure) implements Started {

        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
