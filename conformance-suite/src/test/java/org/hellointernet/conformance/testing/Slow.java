package org.hellointernet.conformance.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test left out of the inner loop: {@code ./mvnw verify} runs it, {@code ./mvnw verify -Pfast} does not (the
 * {@code fast} profile excludes the JUnit tag {@value #TAG}; {@code -Dgroups=slow} runs only these).
 *
 * <p>Slow means: it needs Docker or the packaged jar, or it runs a whole check, a matrix or the gallery, or it
 * takes 3 s or more on the 2-core development machine. Tag the class when its set-up is the slow part (a
 * {@code @BeforeAll} that runs a matrix), else only the slow methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Slow.TAG)
public @interface Slow {

    /** The JUnit tag, as {@code excludedGroups} and {@code groups} name it. */
    String TAG = "slow";
}
