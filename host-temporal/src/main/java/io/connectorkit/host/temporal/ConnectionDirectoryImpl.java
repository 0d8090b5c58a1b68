package io.connectorkit.host.temporal;

import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The directory's state: each worker's names, by worker identity; deterministic, as a workflow must be. Every
 * announcement is a signal in its history, and a query replays that history: so that neither grows without bound,
 * the directory continues as new, its state carried over, once its history passes {@link #HISTORY_LIMIT} events.
 */
public final class ConnectionDirectoryImpl implements ConnectionDirectory {
    /** Events of history after which the directory starts afresh: a few hundred signals, replayed in milliseconds. */
    static final int HISTORY_LIMIT = 1000;

    private final Map<String, List<String>> byWorker = new TreeMap<>();

    @Override
    public void keep(Map<String, List<String>> carried) {
        if (carried != null) {
            byWorker.putAll(carried);
        }
        Workflow.await(() -> Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT);
        Workflow.continueAsNew(new TreeMap<>(byWorker));
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
