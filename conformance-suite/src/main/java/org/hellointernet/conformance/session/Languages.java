package org.hellointernet.conformance.session;

import java.util.List;

/**
 * The X the harness says in its hellos when it plays the client: a different real language per rule, so that a
 * server that ignores X, or log lines from another session, cannot pass by accident.
 */
final class Languages {

    private static final List<String> NAMES = List.of(
            "Rust",
            "Haskell",
            "Kotlin",
            "OCaml",
            "Elixir",
            "Scala",
            "Zig",
            "Julia",
            "Dart",
            "Erlang",
            "Clojure",
            "Fortran",
            "Lua",
            "Perl",
            "Nim",
            "Racket",
            "Crystal",
            "Prolog",
            "Smalltalk",
            "Ada",
            "Pascal",
            "Scheme",
            "Groovy",
            "Swift");

    private Languages() {}

    static String forRule(String ruleId, int index) {
        return NAMES.get(Math.floorMod(ruleId.hashCode() + index, NAMES.size()));
    }
}
