package org.hellointernet.spec;

/** RFC 2119 requirement level of a rule; only a MUST failure fails a check. */
public enum Level {
    MUST,
    SHOULD,
    MAY
}
