package org.autograd4j.nn;

import java.util.Iterator;
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

  /** Feeds {@code input} through every module in turn. */
  @Override
  public Tensor forward(Tensor input) {
    Tensor x = input;
    for (Module m : namedChildren().values()) {
      x = m.forward(x);
    }
    return x;
  }
}
