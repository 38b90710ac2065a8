package org.autograd4j.examples.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.autograd4j.DType;
import org.autograd4j.Torch;
import org.junit.jupiter.api.Test;

/** Python's text for values, checked against what CPython 3 prints (repr, f-strings, {:.Nf}). */
class PyTest {
  @Test
  void floatReprIsPythonsShortestRoundTrip() {
    // Each expected string is CPython's repr(value).
    assertEquals("6.691762447357178", Py.floatRepr(6.691762447357178));
    assertEquals("-5.466781571308061", Py.floatRepr(-5.466781571308061));
    assertEquals("6.0", Py.floatRepr(6.0));
    assertEquals("100.0", Py.floatRepr(100.0));
    assertEquals("0.1", Py.floatRepr(0.1));
    assertEquals("0.30000000000000004", Py.floatRepr(0.1 + 0.2));
    assertEquals("0.0001", Py.floatRepr(1e-4));
    assertEquals("1e-05", Py.floatRepr(1e-5));
    assertEquals("1.5e-07", Py.floatRepr(1.5e-7));
    assertEquals("-1.5e-10", Py.floatRepr(-1.5e-10));
    assertEquals("9999000000000000.0", Py.floatRepr(9.999e15));
    assertEquals("1e+16", Py.floatRepr(1e16));
    assertEquals("1e+22", Py.floatRepr(1e22));
    assertEquals("1.2345678901234568e+17", Py.floatRepr(123456789012345678.0));
    assertEquals("123456789.125", Py.floatRepr(123456789.125));
    assertEquals("5e-324", Py.floatRepr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", Py.floatRepr(Double.MAX_VALUE));
    assertEquals("-0.0", Py.floatRepr(-0.0));
    assertEquals("0.0", Py.floatRepr(0.0));
    assertEquals("nan", Py.floatRepr(Double.NaN));
    assertEquals("-inf", Py.floatRepr(Double.NEGATIVE_INFINITY));
  }

  @Test
  void floatReprIsShortestWhereJava17DoubleToStringIsNot() {
    // Java 17 prints these as 5.6843418860808015E-14, 1.9999999999999998E23, 8.409999999999999E21
    assertEquals("5.684341886080802e-14", Py.floatRepr(Math.pow(2, -44)));
    assertEquals("2e+23", Py.floatRepr(2e23));
    assertEquals("8.41e+21", Py.floatRepr(8.41e21));
  }

  @Test
  void fixedRoundsTheExactBinaryValueHalfToEven() {
    // CPython: '{:.3f}'.format(0.0005) == '0.001' (0.0005 is slightly above in binary), and so on
    assertEquals("0.001", Py.fixed(0.0005, 3));
    assertEquals("1.000", Py.fixed(1.0005, 3));
    assertEquals("2.67", Py.fixed(2.675, 2));
    assertEquals("0.12", Py.fixed(0.125, 2));
    assertEquals("-0.000", Py.fixed(-0.0001, 3));
    assertEquals("30.000", Py.fixed(30.0, 3));
  }

  @Test
  void strAndFStringFollowPython() {
    assertEquals("None", Py.str(null));
    assertEquals("True", Py.str(true));
    assertEquals("6", Py.str(6));
    assertEquals("Gradient of x:  tensor(4.)", Py.printArgs("Gradient of x: ", Torch.tensor(4.0)));
    // f"{t}" of a 0-d tensor formats its item(); tensors with dimensions print their repr
    assertEquals("6.0", Py.fstr(Torch.tensor(6.0)));
    assertEquals("3", Py.fstr(Torch.tensor(3L)));
    assertEquals("True", Py.fstr(Torch.tensor(true)));
    assertEquals("0.10000000149011612", Py.fstr(Torch.tensor(0.1)));
    assertEquals("0.1", Py.fstr(Torch.tensor(0.1, DType.FLOAT64)));
    assertEquals("tensor([-0.3861])", Py.fstr(Torch.tensor(new double[] {-0.3861})));
  }
}
