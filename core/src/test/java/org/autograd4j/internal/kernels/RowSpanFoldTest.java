package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The row-span fold against col2im on the same columns' gradient, bit for bit. */
class RowSpanFoldTest {

  /** {channels, h, w, kh, kw, padH, padW, dilH, dilW}, all stride 1. */
  private static final int[][] GEOMETRIES = {
    // The CNN's second layer: no padding, and runs that end exactly at the plane's end.
    {16, 12, 12, 5, 5, 0, 0, 1, 1},
    {1, 28, 28, 5, 5, 0, 0, 1, 1},
    // 3x3 "same" convolutions, a 1x1 one, a kernel as wide as the image.
    {3, 9, 9, 3, 3, 1, 1, 1, 1},
    {2, 5, 6, 3, 3, 1, 1, 1, 1},
    {2, 4, 4, 1, 1, 0, 0, 1, 1},
    {1, 3, 8, 2, 8, 0, 0, 1, 1},
    // Uneven padding and kernel, dilation.
    {3, 7, 5, 3, 2, 0, 1, 1, 1},
    {2, 9, 10, 3, 2, 1, 2, 2, 3},
    {1, 1, 1, 1, 1, 0, 0, 1, 1},
    {2, 6, 17, 2, 4, 2, 0, 1, 1},
  };

  private static Conv2dGeometry geometry(int[] g) {
    return new Conv2dGeometry(g[0], g[1], g[2], g[3], g[4], g[5], g[6], 1, 1, g[7], g[8]);
  }

  @Test
  void foldEqualsCol2imOnTheSameGradientBitForBit() {
    Random random = new Random(17);
    for (int[] spec : GEOMETRIES) {
      Conv2dGeometry g = geometry(spec);
      RowSpanFold fold = new RowSpanFold(g);
      int rows = g.colRows();
      int imageSize = g.channels() * g.height() * g.width();
      // The columns' gradient as col2im takes it, and spread onto padded rows as fold takes it.
      // Values of mixed magnitude, so a different order of additions would show in the bits.
      float[] compact = TestData.floats(random, rows * g.colCols(), 1e3f, false);
      for (int i = 0; i < compact.length; i += 3) {
        compact[i] *= 1e-4f;
      }
      float[] spread = new float[2 + rows * fold.columns()];
      fold.spread(compact, 0, rows, spread, 2);
      for (KernelProvider provider : Providers.all()) {
        // col2im onto zeros; fold overwrites what was there. Both images end their arrays, so a
        // write past the image shows as an index error.
        float[] expected = new float[1 + imageSize];
        expected[0] = 5f;
        Im2Col.col2im(provider.elementwise(), compact, 0, g, expected, 1);
        float[] actual = TestData.floats(random, 1 + imageSize, 1f, false);
        actual[0] = 5f;
        float[] planes = new float[fold.planeFloats()];
        fold.fold(provider.elementwise(), spread, 2, planes, actual, 1);
        assertArrayEquals(expected, actual, provider.name() + " " + g);
      }
    }
  }

  @Test
  void spreadPutsEachOutputRowAtItsPaddedRowAndWritesNothingElse() {
    Conv2dGeometry g = geometry(new int[] {2, 5, 6, 3, 3, 1, 1, 1, 1});
    RowSpanFold fold = new RowSpanFold(g);
    // Padded rows of 8, outputs of 5 x 6: rows of 6 values 8 apart, then the zero tail.
    assertEquals(48, fold.columns());
    float[] grad = new float[2 * 30];
    for (int i = 0; i < grad.length; i++) {
      grad[i] = i + 1;
    }
    float[] out = new float[2 * 48];
    java.util.Arrays.fill(out, -7f);
    fold.spread(grad, 0, 2, out, 0);
    for (int o = 0; o < 2; o++) {
      for (int q = 0; q < 48; q++) {
        int oh = q / 8;
        int ow = q % 8;
        float want = oh < 5 && ow < 6 ? grad[o * 30 + oh * 6 + ow] : -7f;
        assertEquals(want, out[o * 48 + q], "channel " + o + " entry " + q);
      }
    }
  }

  @Test
  void onlyStrideOneApplies() {
    assertTrue(RowSpanFold.applies(geometry(new int[] {1, 5, 5, 3, 3, 1, 1, 1, 1})));
    Conv2dGeometry strided = new Conv2dGeometry(1, 5, 5, 3, 3, 0, 0, 1, 2, 1, 1);
    assertFalse(RowSpanFold.applies(strided));
    assertThrows(IllegalArgumentException.class, () -> new RowSpanFold(strided));
  }
}
