package io.connectorkit.host.temporal;

import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The directory's state: each worker's names, by worker identity; deterministic, as a workflow must be. */
public final class ConnectionDirectoryImpl implements ConnectionDirectory {
    private final Map<String, List<String>> byWorker = new TreeMap<>();

    @Override
    public void keep() {
        Workflow.await(() -> false);
    }

    @Override
    public void announce(String worker, List<String> names) {
        byWorker.put(worker, List.copyOf(names));
    }

    @Override
    public void withdraw(String worker) {
        byWorker.remove(worker);
    }

    @Override
    public List<String> names() {
        TreeSet<String> all = new TreeSet<>();
        byWorker.values().forEach(all::addAll);
        return List.copyOf(all);
    }
}
