package org.hellointernet.conformance.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's messages, cut however the stream delivers them. */
class FramesTest {

    @Test
    void framesCutAtEveryByteComeOutWhole() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(Frames.encode(Frames.OPEN, 7, "4:5000"));
        stream.write(Frames.encode(Frames.DATA, 0x80000001, new byte[] {0, (byte) 0xff, '\n'}, 0, 3));
        stream.write(Frames.ack(7, 65536));
        stream.write(Frames.encode(Frames.FIN, 7, ""));
        byte[] all = stream.toByteArray();
        List<Frames.Frame> out = new ArrayList<>();
        Frames.Parser parser = new Frames.Parser(out::add);
        for (byte b : all) {
            parser.feed(new byte[] {b}, 0, 1);
        }
        assertThat(out).extracting(f -> (char) f.type()).containsExactly('O', 'D', 'A', 'F');
        assertThat(out.get(0).text()).isEqualTo("4:5000");
        assertThat(out.get(1).id()).isEqualTo(0x80000001);
        assertThat(out.get(1).payload()).containsExactly(0, 0xff, '\n');
        assertThat(Frames.intAt(out.get(2).payload(), 0)).isEqualTo(65536);
    }

    @Test
    void aStreamThatIsNotFramesIsRefused() {
        Frames.Parser parser = new Frames.Parser(f -> {});
        byte[] garbage = "Hello in Python, not a frame at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.feed(garbage, 0, garbage.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("broken");
    }
}
