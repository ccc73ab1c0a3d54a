package org.hellointernet.conformance.session;

/**
 * What a check has learned about the server under test, shared by the sessions of its rules. Today one thing: it
 * answers only once the client closes its side (it reads until the end). SRV-REPLY fails it for that; the other
 * rules, having waited in full once, half-close after a short quiet period from then on instead of waiting for a
 * reply that cannot come before.
 */
public final class ServerTraits {

    private volatile boolean answersOnlyOnClose;

    boolean answersOnlyOnClose() {
        return answersOnlyOnClose;
    }

    void learnAnswersOnlyOnClose() {
        answersOnlyOnClose = true;
    }
}
