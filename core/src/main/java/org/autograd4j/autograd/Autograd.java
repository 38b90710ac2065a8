package org.autograd4j.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;

/**
 * {@code torch.autograd}: backward over several roots and {@code grad}, which returns gradients
 * instead of accumulating them into {@code .grad}.
 *
 * <pre>{@code
 * Tensor x = Torch.tensor(2.0).requiresGrad_();
 * Tensor y = x.pow(3);
 * Tensor dy = Autograd.grad(y, x, true);   // tensor(12., grad_fn=<MulBackward0>)
 * Tensor d2y = Autograd.grad(dy, x);       // tensor(12.)
 * }</pre>
 */
public final class Autograd {
  private Autograd() {}

  /**
   * Computes and accumulates gradients of {@code tensors} into the leaves' {@code .grad}.
   *
   * @param tensors the roots
   * @param gradTensors one gradient per root, or null entries (or a null list) for implicit ones
   * @param retainGraph keep saved tensors for another backward; null means {@code createGraph}
   * @param createGraph record the backward pass so that higher-order gradients can be taken
   * @param inputs when non-null, accumulate only into these tensors
   */
  public static void backward(
      List<Tensor> tensors,
      List<Tensor> gradTensors,
      Boolean retainGraph,
      boolean createGraph,
      List<Tensor> inputs) {
    Edge[] roots = rootEdges(tensors);
    Tensor[] grads = makeGrads(tensors, gradTensors);
    boolean keep = retainGraph == null ? createGraph : retainGraph;
    if (inputs == null) {
      Engine.execute(roots, grads, keep, createGraph, null, true);
      return;
    }
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("'inputs' argument to backward() cannot be empty.");
    }
    Edge[] captures = new Edge[inputs.size()];
    for (int i = 0; i < captures.length; i++) {
      Tensor in = inputs.get(i);
      if (!in.requiresGrad()) {
        throw new IllegalStateException("One of the differentiated Tensors does not require grad");
      }
      // As PyTorch's run_backward: a non-leaf input retains its gradient, and the retain_grad
      // hook fills .grad when the gradient reaches its grad_fn.
      if (!in.isLeaf()) {
        in.retainGrad();
      }
      captures[i] = Op.gradientEdge(in);
    }
    Engine.execute(roots, grads, keep, createGraph, captures, true);
  }

  /**
   * {@code torch.autograd.grad}: the gradients of {@code outputs} with respect to {@code inputs}.
   * Leaves' {@code .grad} are not touched.
   *
   * @param gradOutputs one gradient per output, or null for implicit ones (scalar outputs)
   * @param retainGraph null means {@code createGraph}
   * @param allowUnused when false, an input the outputs do not depend on is an error; when true its
   *     gradient is null
   */
  public static List<Tensor> grad(
      List<Tensor> outputs,
      List<Tensor> inputs,
      List<Tensor> gradOutputs,
      Boolean retainGraph,
      boolean createGraph,
      boolean allowUnused) {
    Edge[] roots = rootEdges(outputs);
    Tensor[] grads = makeGrads(outputs, gradOutputs);
    Edge[] captures = new Edge[inputs.size()];
    for (int i = 0; i < captures.length; i++) {
      Tensor in = inputs.get(i);
      if (!in.requiresGrad()) {
        throw new IllegalStateException("One of the differentiated Tensors does not require grad");
      }
      captures[i] = Op.gradientEdge(in);
    }
    boolean keep = retainGraph == null ? createGraph : retainGraph;
    Tensor[] captured = Engine.execute(roots, grads, keep, createGraph, captures, false);
    List<Tensor> result = new ArrayList<>();
    for (int i = 0; i < captured.length; i++) {
      if (captured[i] == null && !allowUnused) {
        throw new IllegalStateException(
            "One of the differentiated Tensors appears to not have been used in the graph. Set"
                + " allow_unused=True if this is the desired behavior.");
      }
      result.add(captured[i] == null || createGraph ? captured[i] : captured[i].detach());
    }
    return result;
  }

  /** {@code torch.autograd.grad(output, input)} for one scalar output and one input. */
  public static Tensor grad(Tensor output, Tensor input) {
    return grad(output, input, false);
  }

  /** {@code torch.autograd.grad(output, input, create_graph=createGraph)}. */
  public static Tensor grad(Tensor output, Tensor input, boolean createGraph) {
    return grad(List.of(output), List.of(input), null, null, createGraph, false).get(0);
  }

  private static Edge[] rootEdges(List<Tensor> tensors) {
    Edge[] roots = new Edge[tensors.size()];
    for (int i = 0; i < roots.length; i++) {
      Tensor t = tensors.get(i);
      if (!t.requiresGrad()) {
        throw new IllegalStateException(
            "element " + i + " of tensors does not require grad and does not have a grad_fn");
      }
      roots[i] = Op.gradientEdge(t);
    }
    return roots;
  }

  private static Tensor[] makeGrads(List<Tensor> tensors, List<Tensor> given) {
    Tensor[] grads = new Tensor[tensors.size()];
    for (int i = 0; i < grads.length; i++) {
      Tensor t = tensors.get(i);
      Tensor g = given == null || given.size() <= i ? null : given.get(i);
      if (g == null) {
        if (t.numel() != 1) {
          throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
        }
        grads[i] = Torch.onesLike(t);
      } else {
        if (!Arrays.equals(g.shape().toArray(), t.shape().toArray())) {
          throw new IllegalArgumentException(
              "Mismatch in shape: grad_output["
                  + i
                  + "] has a shape of "
                  + g.shape()
                  + " and output["
                  + i
                  + "] has a shape of "
                  + t.shape()
                  + ".");
        }
        grads[i] = g;
      }
    }
    return grads;
  }
}
