package org.hellointernet.conformance.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hellointernet.protocol.Profile;
import org.junit.jupiter.api.Test;

/** A verdict that was close on a busy machine is said once per kind of wait, not once per connection. */
class CloseCallsTest {

    private static SessionContext context() throws Exception {
        SessionScript script = ScriptParser.parse(
                new ByteArrayInputStream("rule: SRV-X\nsteps:\n  - connect: a\n".getBytes(StandardCharsets.UTF_8)),
                "test.yml");
        SessionTarget target = new SessionTarget.Server("127.0.0.1", 0, null, null, null, "");
        return new SessionContext(script, target, Profile.BASIC, null, Timing.fixed(3), Duration.ZERO);
    }

    @Test
    void threeConnectionsServedLateMakeOneNoteWithTheSlowest() throws Exception {
        SessionContext ctx = context();

        ctx.judgeTime("a new client was served", Duration.ofMillis(5700).toNanos(), Duration.ofSeconds(5));
        ctx.judgeTime("a new client was served", Duration.ofMillis(6200).toNanos(), Duration.ofSeconds(5));
        ctx.judgeTime("a new client was served", Duration.ofMillis(5800).toNanos(), Duration.ofSeconds(5));

        assertThat(ctx.closeCalls).hasSize(1);
        assertThat(ctx.closeCalls.get(0)).startsWith("a new client was served after 6.2 s (the rule allows 5 s;");
    }

    @Test
    void differentWaitsAreEachSaid() throws Exception {
        SessionContext ctx = context();

        ctx.judgeTime("a new client was served", Duration.ofMillis(5700).toNanos(), Duration.ofSeconds(5));
        ctx.judgeTime("exited", Duration.ofMillis(5100).toNanos(), Duration.ofSeconds(5));

        assertThat(ctx.closeCalls).hasSize(2);
    }
}
