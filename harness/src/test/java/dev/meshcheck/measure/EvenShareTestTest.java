package dev.meshcheck.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvenShareTestTest {
  @Test
  void twoDegreesOfFreedomMatchTheClosedForm() {
    // With 2 degrees of freedom the survival function is exp(-x / 2).
    EvenShareTest test = EvenShareTest.of(List.of(180L, 200L, 220L));

    assertThat(test.chiSquare()).isCloseTo(4.0, within(1e-12));
    assertThat(test.degreesOfFreedom()).isEqualTo(2);
    assertThat(test.pValue()).isCloseTo(Math.exp(-2.0), within(1e-12));
  }

  @Test
  void oneDegreeOfFreedomMatchesTheTextbookCriticalValue() {
    // chi-square 3.841 with 1 degree of freedom is the 5% critical value.
    EvenShareTest test = EvenShareTest.of(List.of(100L - 31L, 100L + 31L));

    assertThat(test.chiSquare()).isCloseTo(19.22, within(1e-9));
    assertThat(EvenShareTest.upperRegularizedGamma(0.5, 3.841 / 2)).isCloseTo(0.05, within(1e-4));
    assertThat(EvenShareTest.upperRegularizedGamma(1.5, 11.345 / 2))
        .as("3 degrees of freedom, 1% critical value")
        .isCloseTo(0.01, within(1e-4));
  }

  @Test
  void anEvenSpreadHasPOneAndAOneSidedSpreadAlmostNone() {
    assertThat(EvenShareTest.of(List.of(200L, 200L, 200L)).pValue()).isCloseTo(1.0, within(1e-12));
    assertThat(EvenShareTest.of(List.of(600L, 0L, 0L)).pValue()).isLessThan(1e-100);
  }

  @Test
  void logGammaIsExactAtWholeAndHalfNumbers() {
    assertThat(EvenShareTest.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
    assertThat(EvenShareTest.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
  }
}
