package org.hellointernet.conformance.session;

import java.io.IOException;

/**
 * Gives each {@link Step} its meaning: one method per kind of step ({@link StepVisitor}, so the compiler names a
 * kind left out), each handing it to the class that knows that part of the work: connections and what is sent in
 * {@link ConnectionSteps}, what arrives in {@link ReplySteps}, the harness playing the server in
 * {@link ScriptedServerSteps}, programs in {@link ProgramSteps} and what they print in {@link OutputSteps}.
 */
final class StepRunner implements StepVisitor {

    /** Quiet period after which a message without LF is taken as complete by the harness. */
    static final long QUIET_MILLIS = 500;

    private final SessionContext ctx;
    private final ConnectionSteps connections;
    private final ReplySteps replies;
    private final ScriptedServerSteps scripted;
    private final ProgramSteps programs;
    private final OutputSteps output;

    StepRunner(SessionContext ctx) {
        this.ctx = ctx;
        this.replies = new ReplySteps(ctx);
        this.connections = new ConnectionSteps(ctx, replies);
        this.scripted = new ScriptedServerSteps(ctx);
        this.programs = new ProgramSteps(ctx);
        this.output = new OutputSteps(ctx, programs);
    }

    void run(Step step) throws StepFailure, IOException, InterruptedException {
        if (System.nanoTime() > ctx.deadlineNanos) {
            throw new StepFailure(
                    "the session ran past its deadline of " + Durations.show(ctx.script.timeout()),
                    "the session to finish in time",
                    "still running at " + step.getClass().getSimpleName());
        }
        step.accept(this);
    }

    // ---- connections and what is sent ----------------------------------------------------------------------

    @Override
    public void connect(Step.Connect s) throws StepFailure, InterruptedException {
        connections.connect(
                s.as(), s.host(), s.within().toMillis(), s.refusedFor().toMillis());
    }

    @Override
    public void exchange(Step.Exchange s) throws StepFailure, InterruptedException {
        connections.exchange(s);
    }

    @Override
    public void send(Step.Send s) throws StepFailure, InterruptedException {
        connections.send(s);
    }

    @Override
    public void sendAndLeave(Step.SendAndLeave s) throws StepFailure {
        connections.sendAndLeave(s);
    }

    @Override
    public void pause(Step.Pause s) throws InterruptedException {
        connections.pause(s.duration().toMillis());
    }

    @Override
    public void halfClose(Step.HalfClose s) throws StepFailure {
        ctx.conn(s.conn()).halfClose();
    }

    @Override
    public void reset(Step.Reset s) throws StepFailure {
        ctx.conn(s.conn()).reset();
    }

    @Override
    public void close(Step.Close s) throws StepFailure {
        ctx.conn(s.conn()).close();
    }

    @Override
    public void repeat(Step.Repeat s) throws StepFailure, IOException, InterruptedException {
        for (int i = 0; i < s.times(); i++) {
            for (Step inner : s.steps()) {
                run(inner);
            }
        }
    }

    // ---- what arrives --------------------------------------------------------------------------------------

    @Override
    public void expectReply(Step.ExpectReply s) throws StepFailure, InterruptedException {
        replies.expectReply(s);
    }

    @Override
    public void expectLine(Step.ExpectLine s) throws StepFailure, InterruptedException {
        replies.expectLine(s);
    }

    @Override
    public void expectSilence(Step.ExpectSilence s) throws StepFailure, InterruptedException {
        replies.expectSilence(s);
    }

    @Override
    public void expectClose(Step.ExpectClose s) throws StepFailure, InterruptedException {
        replies.expectClose(s);
    }

    @Override
    public void expectNoMore(Step.ExpectNoMore s) throws StepFailure, InterruptedException {
        replies.expectNoMore(s);
    }

    @Override
    public void drain(Step.Drain s) throws InterruptedException {
        replies.drain(s);
    }

    // ---- the harness plays the server ----------------------------------------------------------------------

    @Override
    public void accept(Step.Accept s) throws StepFailure, InterruptedException {
        scripted.accept(s);
    }

    @Override
    public void readHello(Step.ReadHello s) throws StepFailure, InterruptedException {
        scripted.readHello(s);
    }

    @Override
    public void expectHello(Step.ExpectHello s) throws StepFailure, InterruptedException {
        scripted.expectHello(s);
    }

    @Override
    public void expectConnections(Step.ExpectConnections s) throws StepFailure {
        scripted.expectConnections(s);
    }

    // ---- programs ------------------------------------------------------------------------------------------

    @Override
    public void startClient(Step.StartClient s) throws IOException {
        programs.startClient(s);
    }

    @Override
    public void expectExit(Step.ExpectExit s) throws StepFailure, InterruptedException {
        programs.expectExit(s);
    }

    @Override
    public void expectOutput(Step.ExpectOutput s) throws StepFailure, InterruptedException {
        output.expectOutput(s);
    }

    @Override
    public void expectStarted(Step.ExpectStarted s) throws StepFailure {
        programs.expectStarted();
    }

    @Override
    public void runServer(Step.RunServer s) throws IOException {
        programs.runServer(s);
    }

    @Override
    public void expectUsage(Step.ExpectUsage s) throws StepFailure, InterruptedException {
        output.expectUsage(s);
    }

    @Override
    public void expectMessage(Step.ExpectMessage s) throws StepFailure, InterruptedException {
        output.expectMessage(s);
    }

    @Override
    public void expectRunning(Step.ExpectRunning s) throws StepFailure {
        programs.expectRunning(s);
    }
}
