package org.autograd4j.nn;

import java.util.Iterator;
import java.util.List;
import org.autograd4j.NnOps;
import org.autograd4j.Tensor;

/**
 * {@code nn.Sequential}: modules applied one after another, registered as {@code 0}, {@code 1}, ...
 * so parameters are named {@code 0.weight}, {@code 2.bias}.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
 * Tensor y = net.forward(Torch.randn(4, 2)); // shape (4, 1)
 * }</pre>
 */
public class Sequential extends Module implements Iterable<Module> {
  private int size;

  /** The given modules, in order. */
  public Sequential(Module... modules) {
    for (Module m : modules) {
      append(m);
    }
  }

  /** Adds a module at the end; returns this. */
  public Sequential append(Module module) {
    registerModule(Integer.toString(size++), module);
    return this;
  }

  /** The module at {@code index} (negative counts from the end). */
  public Module get(int index) {
    return ModuleList.at(this, size, index);
  }

  /** Number of modules. */
  public int size() {
    return size;
  }

  @Override
  public Iterator<Module> iterator() {
    return children().iterator();
  }

  /**
   * Feeds {@code input} through every module in turn. Two pairs run fused, with the values,
   * gradients and graph of running them one by one: a ReLU followed by a MaxPool2d pools relu(x) in
   * one pass ({@link MaxPool2d#forwardOfRelu}), and a ReLU after a Linear or a convolution writes
   * into that layer's fresh output.
   */
  @Override
  public Tensor forward(Tensor input) {
    List<Module> modules = children();
    Tensor x = input;
    for (int i = 0; i < modules.size(); i++) {
      Module m = modules.get(i);
      if (m.getClass() == ReLU.class) {
        Module next = i + 1 < modules.size() ? modules.get(i + 1) : null;
        if (next != null && next.getClass() == MaxPool2d.class) {
          // No ReLU output and no ReLU gradient pass (F.maxPool2dOfRelu). CNN training step, 1
          // thread, one JVM alternating both every 50 steps: 6170 -> 5992, 5569 -> 5314 and
          // 5669 -> 5490 us on JDK 17, 5337 -> 4938 and 5213 -> 4978 us on JDK 25.
          Tensor pooled = ((MaxPool2d) next).forwardOfRelu(x);
          if (i > 0 && returnsUnsharedOutput(modules.get(i - 1))) {
            // Nothing holds the layer's output now (the fused op keeps nothing of it): its array
            // goes to the next step's convolution, still in cache. CNN step, 1 thread, one JVM:
            // forward 2121 -> 1874, 2109 -> 1920 and 2037 -> 1810 us on JDK 17 (backward 0-120
            // us slower), 1826 -> 1610 and 1907 -> 1650 us on JDK 25.
            NnOps.recycleUnshared(x);
          }
          x = pooled;
          i++;
          continue;
        }
        if (i > 0 && returnsUnsharedOutput(modules.get(i - 1))) {
          // As ReLU(inplace=True) would: x was made by the layer before and is held by no one
          // else (no layer saves its output for the backward), so the values and gradients are
          // those of F.relu, without a new array. CNN training step, 1 thread, one JVM: forward
          // 2506 -> 2266 and 2397 -> 2176 us on JDK 17 (the first ReLU's output is 2.4 MB).
          x = NnOps.reluOfUnshared(x);
          continue;
        }
      }
      x = m.forward(x);
    }
    return x;
  }

  /**
   * Whether {@code m}'s forward returns a tensor over a storage it just allocated and keeps no
   * reference to: true for these exact classes only, since a subclass may keep its output.
   */
  private static boolean returnsUnsharedOutput(Module m) {
    Class<?> c = m.getClass();
    return c == Linear.class || c == Conv1d.class || c == Conv2d.class;
  }
}
