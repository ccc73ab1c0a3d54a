/**
 * The programs under test: starting a student's program from a shell command, knowing when a server listens,
 * capturing output safely, explaining start-up failures, and killing everything a program started.
 *
 * <ul>
 *   <li>{@link org.hellointernet.conformance.target.Command}: the user's command template with {@code {port}},
 *       {@code {host}}.</li>
 *   <li>{@link org.hellointernet.conformance.target.ProgramProcess}: one running program (own session, standard
 *       input at end of file, terminal-like line buffering), closed by killing its whole process tree.</li>
 *   <li>{@link org.hellointernet.conformance.target.OutputCapture}: bounded, line-based capture of one stream.</li>
 *   <li>{@link org.hellointernet.conformance.target.ServerLauncher}: start a server and wait until it listens,
 *       or a {@link org.hellointernet.conformance.target.StartFailure} in words for the student.</li>
 *   <li>{@link org.hellointernet.conformance.target.ClientRunner}: run a client to its end or to a timeout.</li>
 *   <li>{@link org.hellointernet.conformance.target.Ports}, {@link org.hellointernet.conformance.target.ListeningSockets}:
 *       free loopback ports; who listens where, read from Linux's {@code /proc} without connecting.</li>
 * </ul>
 *
 * <p>Linux is the full-featured platform. Elsewhere: no {@code setsid} (the program shares the harness's process
 * group and only its descendants are killed), no {@code /proc} (readiness is tested by connecting, which the
 * server sees as an empty connection, and other-port detection is unavailable).
 */
package org.hellointernet.conformance.target;
