package org.hellointernet.conformance.matrix;

/** How one client fared against one server in the interop matrix. */
public enum PairVerdict {
    WORKS("ok", "works", "the client exited with status 0 and printed the server's Goodbye line (a label is fine)"),
    HANGS(
            "..",
            "hangs",
            "the client was still running at the timeout, or in a deadlock with the server, and was killed"),
    WRONG_REPLY("?", "wrong reply", "the exchange ended, but the client did not print the server's Goodbye line"),
    CRASHED("X", "crashed", "the client exited with a non-zero status, or the server died during the exchange"),
    DID_NOT_START("-", "did not start", "the server never listened on its port, or the client could not be run"),
    DID_NOT_BUILD("#", "did not build", "the server or the client (or its whole folder) did not build");

    private final String mark;
    private final String word;
    private final String meaning;

    PairVerdict(String mark, String word, String meaning) {
        this.mark = mark;
        this.word = word;
        this.meaning = meaning;
    }

    /** A compact mark for a table cell (ASCII, at most 2 characters). */
    public String mark() {
        return mark;
    }

    /** The verdict in words, e.g. {@code wrong reply}. */
    public String word() {
        return word;
    }

    /** What the verdict means, for a legend. */
    public String meaning() {
        return meaning;
    }

    /** The JSON name, e.g. {@code wrong-reply}. */
    public String id() {
        return word.replace(' ', '-');
    }
}
