package org.autograd4j.nn;

import java.util.Iterator;

/**
 * {@code nn.ModuleList}: a list of modules whose parameters belong to the owner; it has no {@code
 * forward} of its own.
 *
 * <pre>{@code
 * ModuleList layers = new ModuleList(new Linear(2, 2), new Linear(2, 2));
 * for (Module l : layers) { x = l.forward(x); }
 * }</pre>
 */
public class ModuleList extends Module implements Iterable<Module> {
  private int size;

  /** The given modules, in order. */
  public ModuleList(Module... modules) {
    for (Module m : modules) {
      append(m);
    }
  }

  /** Adds a module at the end; returns this. */
  public ModuleList append(Module module) {
    registerModule(Integer.toString(size++), module);
    return this;
  }

  /** The module at {@code index} (negative counts from the end). */
  public Module get(int index) {
    return at(this, size, index);
  }

  static Module at(Module owner, int size, int index) {
    if (index < -size || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " is out of range");
    }
    return owner.namedChildren().get(Integer.toString(index < 0 ? index + size : index));
  }

  /** Number of modules. */
  public int size() {
    return size;
  }

  @Override
  public Iterator<Module> iterator() {
    return children().iterator();
  }
}
