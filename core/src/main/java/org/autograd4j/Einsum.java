package org.autograd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.einsum} by differentiable Tensor ops: repeated labels within an operand take a
 * diagonal (multiply by the identity, sum one copy away), every operand is permuted and padded to a
 * common label order, the operands are multiplied with broadcasting, and labels missing from the
 * output are summed. Gradients (of any order) follow from those ops.
 */
final class Einsum {
  private Einsum() {}

  static Tensor einsum(String equation, List<Tensor> operands) {
    String eq = equation.replace(" ", "");
    if (eq.contains(".")) {
      throw new IllegalArgumentException("einsum(): ellipsis ('...') is not supported");
    }
    int arrow = eq.indexOf("->");
    String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
    String[] terms = lhs.split(",", -1);
    if (terms.length != operands.size()) {
      throw new IllegalArgumentException(
          "einsum(): more operands were provided than specified in the equation");
    }
    String rhs;
    if (arrow >= 0) {
      rhs = eq.substring(arrow + 2);
    } else {
      // Implicit output: the labels that appear exactly once, in alphabetical order.
      StringBuilder sb = new StringBuilder();
      for (char c = 'A'; c <= 'z'; c++) {
        int count = 0;
        for (int k = 0; k < lhs.length(); k++) {
          count += lhs.charAt(k) == c ? 1 : 0;
        }
        if (Character.isLetter(c) && count == 1) {
          sb.append(c);
        }
      }
      rhs = sb.toString();
    }
    List<Character> all = new ArrayList<>();
    List<Tensor> ops = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    java.util.Map<Character, Integer> sizes = new java.util.HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      String term = terms[i];
      Tensor t = operands.get(i);
      if (term.length() != t.dim()) {
        throw new IllegalArgumentException(
            "einsum(): the number of subscripts in the equation ("
                + term.length()
                + ") does not match the number of dimensions ("
                + t.dim()
                + ") for operand "
                + i
                + " and no ellipsis was given");
      }
      for (int k = 0; k < term.length(); k++) {
        char c = term.charAt(k);
        Integer prev = sizes.get(c);
        if (prev != null && prev != t.size(k) && prev != 1 && t.size(k) != 1) {
          throw new IllegalArgumentException(
              "einsum(): subscript "
                  + c
                  + " has size "
                  + t.size(k)
                  + " for operand "
                  + i
                  + " which does not broadcast with previously seen size "
                  + prev);
        }
        sizes.put(c, prev == null || prev == 1 ? t.size(k) : prev);
      }
      // Diagonals for repeated labels.
      StringBuilder uniq = new StringBuilder(term);
      for (int p = 0; p < uniq.length(); p++) {
        for (int q = uniq.length() - 1; q > p; q--) {
          if (uniq.charAt(q) == uniq.charAt(p)) {
            t = diagonal(t, p, q);
            uniq.deleteCharAt(q);
          }
        }
      }
      for (int k = 0; k < uniq.length(); k++) {
        if (!all.contains(uniq.charAt(k))) {
          all.add(uniq.charAt(k));
        }
      }
      ops.add(t);
      labels.add(uniq.toString());
    }
    for (char c : rhs.toCharArray()) {
      if (!all.contains(c)) {
        throw new IllegalArgumentException(
            "einsum(): output subscript "
                + c
                + " does not appear in the equation for any input operand");
      }
    }
    Tensor product = null;
    for (int i = 0; i < ops.size(); i++) {
      Tensor aligned = align(ops.get(i), labels.get(i), all);
      product = product == null ? aligned : product.mul(aligned);
    }
    List<Integer> sumDims = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      if (rhs.indexOf(all.get(k)) < 0) {
        sumDims.add(k);
      }
    }
    Tensor reduced = product;
    List<Character> remaining = new ArrayList<>(all);
    if (!sumDims.isEmpty()) {
      reduced = product.sum(sumDims.stream().mapToInt(Integer::intValue).toArray(), false);
      for (int k = sumDims.size() - 1; k >= 0; k--) {
        remaining.remove((int) sumDims.get(k));
      }
    }
    int[] perm = new int[rhs.length()];
    boolean identity = true;
    for (int k = 0; k < perm.length; k++) {
      perm[k] = remaining.indexOf(rhs.charAt(k));
      identity &= perm[k] == k;
    }
    // The last node follows PyTorch's einsum: a view after a contraction, a permute for a single
    // operand, else the product itself; so grad_fn names match (ViewBackward0, PermuteBackward0).
    Tensor out;
    if (!sumDims.isEmpty()) {
      out = (identity ? reduced : reduced.permute(perm).contiguous()).view(shapeOf(reduced, perm));
    } else if (ops.size() == 1) {
      out = reduced.permute(perm);
    } else {
      out = identity ? reduced : reduced.permute(perm);
    }
    // A size-1 label broadcast against a larger one ends up expanded: materialise the sizes.
    int[] want = new int[rhs.length()];
    for (int k = 0; k < want.length; k++) {
      want[k] = sizes.get(rhs.charAt(k));
    }
    return Shapes.same(out.shape, want) ? out : out.expand(want);
  }

  private static int[] shapeOf(Tensor t, int[] perm) {
    int[] s = new int[perm.length];
    for (int k = 0; k < perm.length; k++) {
      s[k] = t.size(perm[k]);
    }
    return s;
  }

  /** The diagonal of dims p and q (equal sizes), kept at p; q is removed. */
  private static Tensor diagonal(Tensor t, int p, int q) {
    int n = t.size(p);
    if (t.size(q) != n) {
      throw new IllegalArgumentException(
          "einsum(): subscript repeated with different sizes " + n + " and " + t.size(q));
    }
    Tensor eye = Creation.full(new int[] {n, n}, 0, t.dtype());
    for (int i = 0; i < n; i++) {
      eye.storage.setDouble(i * n + i, 1);
    }
    int[] shape = new int[t.dim()];
    java.util.Arrays.fill(shape, 1);
    shape[p] = n;
    shape[q] = n;
    return t.mul(eye.reshape(shape)).sum(q);
  }

  /** Permutes t's labels into {@code all}'s order and inserts size-1 dims for missing labels. */
  private static Tensor align(Tensor t, String labels, List<Character> all) {
    List<Integer> perm = new ArrayList<>();
    for (char c : all) {
      int k = labels.indexOf(c);
      if (k >= 0) {
        perm.add(k);
      }
    }
    Tensor r = t;
    boolean identity = true;
    for (int k = 0; k < perm.size(); k++) {
      identity &= perm.get(k) == k;
    }
    if (!identity) {
      r = r.permute(perm.stream().mapToInt(Integer::intValue).toArray());
    }
    for (int k = 0; k < all.size(); k++) {
      if (labels.indexOf(all.get(k)) < 0) {
        r = r.unsqueeze(k);
      }
    }
    return r;
  }
}
