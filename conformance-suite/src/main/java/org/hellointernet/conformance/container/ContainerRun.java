package org.hellointernet.conformance.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers of one {@code hello check} run, all labelled {@value #LABEL}={@code <run id>}. {@link #close()}
 * removes every one of them, and so does a JVM shutdown hook (Ctrl-C, SIGTERM) if the run is not closed.
 */
public final class ContainerRun implements AutoCloseable {

    /** Label put on every container the harness starts; its value is the run's id. */
    public static final String LABEL = "org.hellointernet.run";
    /** Label with the process id of the harness that started the container (to tell concurrent harnesses apart). */
    public static final String HARNESS_LABEL = "org.hellointernet.harness";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerRun.class);

    private final DockerClient docker;
    private final String id;
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> afterRemoval = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread hook;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicInteger creating = new java.util.concurrent.atomic.AtomicInteger();

    public ContainerRun(DockerClient docker) {
        this.docker = docker;
        this.id = UUID.randomUUID().toString();
        this.hook = new Thread(this::removeAll, "hello-remove-containers");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run's id, the value of {@value #LABEL} on its containers. */
    public String id() {
        return id;
    }

    /** The labels to put on a new container of this run. */
    Map<String, String> labels() {
        return Map.of(
                LABEL,
                id,
                "org.hellointernet.kit",
                "hello check",
                HARNESS_LABEL,
                String.valueOf(ProcessHandle.current().pid()));
    }

    /** Called before a container is created; false (create nothing) once the run is closing. */
    boolean beginCreate() {
        creating.incrementAndGet();
        if (closing) {
            creating.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Called after {@link #beginCreate()} once the new container is tracked, or its creation failed. */
    void endCreate() {
        creating.decrementAndGet();
    }

    /**
     * Records a new container. Once the run is closing (end of the check, or Ctrl-C while workers still start
     * programs), a new container is removed at once and this throws.
     */
    void track(String containerId) {
        live.add(containerId);
        if (closing) {
            remove(containerId);
            throw new IllegalStateException("the check is stopping: no new containers");
        }
    }

    /** Closes {@code c} once every container of the run is removed (e.g. the tunnel to their namespace). */
    void afterRemoval(AutoCloseable c) {
        afterRemoval.add(c);
    }

    /** Removes one container (forcibly: a running one is killed); a container already gone is fine. */
    void remove(String containerId) {
        try {
            docker.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException gone) {
            // removed already
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw e;
            }
        } finally {
            live.remove(containerId);
        }
    }

    /** Removes every container that carries this run's label, tracked or not. */
    public void removeAll() {
        closing = true;
        long deadline = System.nanoTime() + 5_000_000_000L; // creations in flight finish, then are removed too
        while (creating.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> ids;
        try {
            // the programs' containers first, then the network namespace they joined
            ids = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LABEL, id)).exec().stream()
                    .sorted(java.util.Comparator.comparing((Container c) -> NamespaceHolder.isHolder(c.getLabels())))
                    .map(Container::getId)
                    .toList();
        } catch (RuntimeException e) {
            ids = List.copyOf(live);
        }
        for (String c : ids) {
            try {
                remove(c);
            } catch (RuntimeException e) {
                LOG.warn("could not remove container {}: {}", c, e.getMessage());
            }
        }
        for (String c : List.copyOf(live)) { // created while the list above was taken
            try {
                remove(c);
            } catch (RuntimeException e) {
                LOG.warn("could not remove container {}: {}", c, e.getMessage());
            }
        }
        for (AutoCloseable c : afterRemoval) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while closing {}: {}", c, e.toString());
            }
        }
        afterRemoval.clear();
    }

    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes them again, harmlessly
        }
    }
}
