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
    if (ops.size() == 2) {
      Tensor viaBmm = contractPair(ops.get(0), labels.get(0), ops.get(1), labels.get(1), rhs);
      if (viaBmm != null) {
        return viaBmm;
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

  /**
   * Two operands with at least one contracted label, as one batched matrix product (no intermediate
   * of the full label space): labels are batch (both operands and the output), contracted (both,
   * not the output), or free (one operand; summed first if not in the output). Returns null when
   * sizes would need broadcasting, leaving that to the general path.
   */
  private static Tensor contractPair(Tensor a, String la, Tensor b, String lb, String rhs) {
    // Sum away labels that appear in one operand only and not in the output.
    Tensor[] t = {a, b};
    String[] l = {la, lb};
    for (int side = 0; side < 2; side++) {
      String other = l[1 - side];
      StringBuilder kept = new StringBuilder();
      List<Integer> drop = new ArrayList<>();
      for (int k = 0; k < l[side].length(); k++) {
        char c = l[side].charAt(k);
        if (other.indexOf(c) < 0 && rhs.indexOf(c) < 0) {
          drop.add(k);
        } else {
          kept.append(c);
        }
      }
      if (!drop.isEmpty()) {
        t[side] = t[side].sum(drop.stream().mapToInt(Integer::intValue).toArray(), false);
        l[side] = kept.toString();
      }
    }
    StringBuilder batch = new StringBuilder();
    StringBuilder contracted = new StringBuilder();
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    for (char c : l[0].toCharArray()) {
      if (l[1].indexOf(c) >= 0) {
        (rhs.indexOf(c) >= 0 ? batch : contracted).append(c);
        if (t[0].size(l[0].indexOf(c)) != t[1].size(l[1].indexOf(c))) {
          return null;
        }
      } else {
        left.append(c);
      }
    }
    for (char c : l[1].toCharArray()) {
      if (l[0].indexOf(c) < 0) {
        right.append(c);
      }
    }
    if (contracted.length() == 0) {
      return null;
    }
    int nb = sizeOf(t[0], l[0], batch);
    int nl = sizeOf(t[0], l[0], left);
    int nc = sizeOf(t[0], l[0], contracted);
    int nr = sizeOf(t[1], l[1], right);
    Tensor x = arrange(t[0], l[0], batch + "" + left + contracted).reshape(nb, nl, nc);
    Tensor y = arrange(t[1], l[1], batch + "" + contracted + right).reshape(nb, nc, nr);
    String order = batch + "" + left + right;
    int[] sizes = new int[order.length()];
    for (int k = 0; k < sizes.length; k++) {
      char c = order.charAt(k);
      sizes[k] = l[0].indexOf(c) >= 0 ? t[0].size(l[0].indexOf(c)) : t[1].size(l[1].indexOf(c));
    }
    Tensor r = x.bmm(y);
    int[] perm = new int[rhs.length()];
    boolean identity = true;
    for (int k = 0; k < perm.length; k++) {
      perm[k] = order.indexOf(rhs.charAt(k));
      identity &= perm[k] == k;
    }
    // As PyTorch: the product is viewed back to the label sizes, permuted, and viewed once more, so
    // the result's grad_fn is ViewBackward0.
    Tensor out = r.view(sizes);
    if (identity) {
      return out;
    }
    Tensor permuted = out.permute(perm);
    return permuted.view(permuted.shape().toArray());
  }

  private static int sizeOf(Tensor t, String labels, CharSequence which) {
    int n = 1;
    for (int k = 0; k < which.length(); k++) {
      n *= t.size(labels.indexOf(which.charAt(k)));
    }
    return n;
  }

  /** Permutes {@code t} (labelled {@code labels}) into the label order {@code order}. */
  private static Tensor arrange(Tensor t, String labels, String order) {
    int[] perm = new int[order.length()];
    boolean identity = true;
    for (int k = 0; k < perm.length; k++) {
      perm[k] = labels.indexOf(order.charAt(k));
      identity &= perm[k] == k;
    }
    return identity ? t : t.permute(perm);
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
