package org.hellointernet.spec;

/** Which program a rule is about. */
public enum Role {
    SERVER,
    CLIENT
}
