package org.autograd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * view/reshape of non-contiguous layouts share storage exactly when PyTorch's computeStride allows;
 * the expected strides and messages are PyTorch 1.13's.
 */
class ViewStridesTest {

  @Test
  void aNarrowedMatrixViewsWhereItsRowsStayWhole() {
    Tensor a = Torch.arange(24.0).view(4, 6).narrow(1, 0, 4);
    Tensor v = a.view(2, 2, 4);
    assertArrayEquals(new int[] {12, 6, 1}, v.stride());
    assertEquals(168.0, v.sum().item(), 0.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.view(16));
    assertEquals(
        "view size is not compatible with input tensor's size and stride (at least one dimension"
            + " spans across two contiguous subspaces). Use .reshape(...) instead.",
        e.getMessage());
    assertEquals(true, a.reshape(16).isContiguous());
  }

  @Test
  void expandedAndTransposedLayoutsKeepTheirStrides() {
    Tensor e = Torch.arange(4.0).view(1, 4).expand(3, 4).view(3, 2, 2);
    assertArrayEquals(new int[] {0, 2, 1}, e.stride());
    Tensor t = Torch.arange(24.0).view(2, 3, 4).transpose(1, 2);
    assertArrayEquals(new int[] {24, 12, 1, 4}, t.unsqueeze(0).view(1, 2, 4, 3).stride());
    assertArrayEquals(t.contiguous().toDoubleArray(), t.view(1, 2, 4, 3).toDoubleArray(), 0.0);
  }

  @Test
  void reshapeCopiesOnlyWhenNoViewExists() {
    Tensor x = Torch.randn(2, 3).requiresGrad_();
    assertEquals("UnsafeViewBackward0", x.narrow(1, 0, 2).reshape(4).gradFn().name());
    assertEquals("ReshapeAliasBackward0", x.narrow(0, 0, 1).reshape(3).gradFn().name());
  }
}
