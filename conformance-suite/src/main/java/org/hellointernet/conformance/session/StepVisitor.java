package org.hellointernet.conformance.session;

import java.io.IOException;

/**
 * One method per kind of {@link Step}: what the engine does with it ({@link StepRunner}). A new kind of step is a
 * record in {@link Step} and a method here, and the compiler then names every visitor that lacks it.
 */
interface StepVisitor {

    void connect(Step.Connect s) throws StepFailure, IOException, InterruptedException;

    void exchange(Step.Exchange s) throws StepFailure, IOException, InterruptedException;

    void startClient(Step.StartClient s) throws StepFailure, IOException, InterruptedException;

    void accept(Step.Accept s) throws StepFailure, IOException, InterruptedException;

    void readHello(Step.ReadHello s) throws StepFailure, IOException, InterruptedException;

    void expectHello(Step.ExpectHello s) throws StepFailure, IOException, InterruptedException;

    void expectExit(Step.ExpectExit s) throws StepFailure, IOException, InterruptedException;

    void expectConnections(Step.ExpectConnections s) throws StepFailure, IOException, InterruptedException;

    void send(Step.Send s) throws StepFailure, IOException, InterruptedException;

    void sendAndLeave(Step.SendAndLeave s) throws StepFailure, IOException, InterruptedException;

    void pause(Step.Pause s) throws StepFailure, IOException, InterruptedException;

    void halfClose(Step.HalfClose s) throws StepFailure, IOException, InterruptedException;

    void reset(Step.Reset s) throws StepFailure, IOException, InterruptedException;

    void close(Step.Close s) throws StepFailure, IOException, InterruptedException;

    void expectReply(Step.ExpectReply s) throws StepFailure, IOException, InterruptedException;

    void expectLine(Step.ExpectLine s) throws StepFailure, IOException, InterruptedException;

    void expectSilence(Step.ExpectSilence s) throws StepFailure, IOException, InterruptedException;

    void expectClose(Step.ExpectClose s) throws StepFailure, IOException, InterruptedException;

    void expectNoMore(Step.ExpectNoMore s) throws StepFailure, IOException, InterruptedException;

    void drain(Step.Drain s) throws StepFailure, IOException, InterruptedException;

    void expectOutput(Step.ExpectOutput s) throws StepFailure, IOException, InterruptedException;

    void expectStarted(Step.ExpectStarted s) throws StepFailure, IOException, InterruptedException;

    void runServer(Step.RunServer s) throws StepFailure, IOException, InterruptedException;

    void expectUsage(Step.ExpectUsage s) throws StepFailure, IOException, InterruptedException;

    void expectMessage(Step.ExpectMessage s) throws StepFailure, IOException, InterruptedException;

    void expectRunning(Step.ExpectRunning s) throws StepFailure, IOException, InterruptedException;

    void repeat(Step.Repeat s) throws StepFailure, IOException, InterruptedException;
}
