package org.hellointernet.conformance.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One round of a check's rules, handed to its workers as soon as their prerequisites ({@code requires:} in a
 * script) have their verdicts: a rule waits for the rules it needs, not for every other rule (SRV-ERROR-REPLY
 * starts once SRV-SEQUENTIAL is known, while SRV-EMPTY-CONN still runs). A rule whose prerequisite is to be run
 * again alone (it failed by a timeout) is deferred to the next round, after that second run. Prerequisites outside
 * this check (left out by {@code --only}) are not waited for. Shared by the workers of one round.
 */
final class ReadyRules {

    private enum State {
        QUEUED,
        RUNNING,
        DONE,
        RUNS_AGAIN,
        DEFERRED
    }

    /** Whether a queued rule may start now, must wait for a running prerequisite, or waits for the next round. */
    private enum Readiness {
        READY,
        WAIT,
        DEFER
    }

    /** How long a worker waits for a prerequisite before it looks again (a verdict wakes it sooner). */
    private static final long RECHECK_MILLIS = 200;

    private final List<RuleScript> queued;
    private final Set<String> present;
    private final Map<String, State> states = new HashMap<>();
    private final List<RuleScript> deferred = new ArrayList<>();
    private int running;

    /**
     * @param round   the rules of this round, in the order they should start
     * @param present the ids of every rule of the check (earlier rounds' rules have their verdicts)
     */
    ReadyRules(List<RuleScript> round, Set<String> present) {
        this.queued = new ArrayList<>(round);
        this.present = Set.copyOf(present);
        round.forEach(e -> states.put(e.rule().id(), State.QUEUED));
    }

    /**
     * The next rule whose prerequisites have their verdicts, waiting for one if need be; null when none is left
     * for this round (or the worker was interrupted).
     */
    synchronized RuleScript next() {
        while (!queued.isEmpty()) {
            Iterator<RuleScript> it = queued.iterator();
            while (it.hasNext()) {
                RuleScript e = it.next();
                Readiness r = readiness(e);
                if (r == Readiness.DEFER) {
                    it.remove();
                    states.put(e.rule().id(), State.DEFERRED);
                    deferred.add(e);
                    it = queued.iterator(); // rules that need this one are deferred too
                } else if (r == Readiness.READY) {
                    it.remove();
                    return start(e);
                }
            }
            if (queued.isEmpty()) {
                break;
            }
            if (running == 0) {
                return start(queued.remove(0)); // rules that need each other: the first goes, as before rounds
            }
            try {
                wait(RECHECK_MILLIS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** {@code id} has its verdict of this round; {@code runsAgain} if it is to be run again alone after it. */
    synchronized void finished(String id, boolean runsAgain) {
        running--;
        states.put(id, runsAgain ? State.RUNS_AGAIN : State.DONE);
        notifyAll();
    }

    /** The rules left for the next round, in their order. */
    synchronized List<RuleScript> deferred() {
        return List.copyOf(deferred);
    }

    private RuleScript start(RuleScript e) {
        running++;
        states.put(e.rule().id(), State.RUNNING);
        return e;
    }

    private Readiness readiness(RuleScript e) {
        boolean waits = false;
        for (String id : e.script().requires()) {
            if (!present.contains(id)) {
                continue;
            }
            State s = states.get(id);
            if (s == State.RUNS_AGAIN || s == State.DEFERRED) {
                return Readiness.DEFER;
            }
            if (s == State.QUEUED || s == State.RUNNING) {
                waits = true;
            }
        }
        return waits ? Readiness.WAIT : Readiness.READY;
    }
}
