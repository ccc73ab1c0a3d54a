package org.hellointernet.conformance.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheGradingSectionAndKeepsTheDefaultsForWhatItLeavesOut() throws Exception {
        Points p = read("language: C\ngrading:\n  should: 4\n  rules:\n    SRV-IPV6: 6\n");
        assertThat(p.must()).isEqualTo(Points.DEFAULT.must());
        assertThat(p.of("SRV-IPV6", "SHOULD")).isEqualTo(6);
        assertThat(p.of("SRV-CONCURRENT", "SHOULD")).isEqualTo(4);
        assertThat(p.pair()).isEqualTo(Points.DEFAULT.pair());
        assertThat(ClassFile.read(null)).isEqualTo(Points.DEFAULT);
        assertThat(read("other: 1\n")).isEqualTo(Points.DEFAULT);
    }

    @Test
    void refusesAMustRuleWorthMoreThanTheOthers() {
        assertThatThrownBy(() -> read("grading:\n  rules:\n    SRV-LF: 50\n"))
                .isInstanceOf(GradingException.class)
                .hasMessageContaining("SRV-LF is a MUST rule");
    }

    @Test
    void refusesUnknownKeysRulesAndValues() {
        assertThatThrownBy(() -> read("grading:\n  shuold: 3\n")).hasMessageContaining("unknown key \"shuold\"");
        assertThatThrownBy(() -> read("grading:\n  rules:\n    SRV-NOPE: 3\n"))
                .hasMessageContaining("no rule SRV-NOPE");
        assertThatThrownBy(() -> read("grading:\n  must: 0\n")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> read("grading:\n  should: 1.5\n")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> read("grading:\n  visibility: sometimes\n")).hasMessageContaining("visibility");
        assertThatThrownBy(() -> read("grading: [1\n")).isInstanceOf(GradingException.class);
    }

    @Test
    void saysWhereTheYamlIsBroken() {
        assertThatThrownBy(() -> read("grading:\n  should: 4\n\tmust: 10\n"))
                .isInstanceOf(GradingException.class)
                .hasMessageContaining(": not valid YAML at line 3, column 1:")
                .hasMessageContaining("\tmust: 10");
    }

    private Points read(String yaml) throws Exception {
        return ClassFile.read(Files.writeString(tmp.resolve(ClassFile.FILE_NAME), yaml));
    }
}
