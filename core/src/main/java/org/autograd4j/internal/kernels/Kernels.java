package org.autograd4j.internal.kernels;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernel implementation once, at class initialisation: the Vector API one when the
 * {@code jdk.incubator.vector} module is present (the JVM was started with {@code --add-modules
 * jdk.incubator.vector}), otherwise the plain-Java reference, logging one line with the reason.
 *
 * <p>The choice can be forced with the system property {@value #PROPERTY} or the environment
 * variable {@value #ENV}, set to {@code scalar}, {@code vector} or {@code auto} (the default).
 */
public final class Kernels {

  /** System property forcing the provider: {@code scalar}, {@code vector} or {@code auto}. */
  public static final String PROPERTY = "autograd4j.kernels";

  /** Environment variable forcing the provider, read when the property is not set. */
  public static final String ENV = "AUTOGRAD4J_KERNELS";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "org.autograd4j.internal.kernels.VectorKernelProvider";
  private static final System.Logger LOG = System.getLogger("org.autograd4j.kernels");

  private Kernels() {}

  /**
   * Returns the process-wide provider chosen at start-up.
   *
   * @return the kernels to use
   */
  public static KernelProvider get() {
    return Selected.PROVIDER;
  }

  /**
   * Returns the plain-Java reference provider, available on every JVM.
   *
   * @return the scalar kernels
   */
  public static KernelProvider scalar() {
    return ScalarHolder.SCALAR;
  }

  /**
   * Returns the Vector API provider if it can run in this JVM, whatever {@link #get()} chose.
   *
   * @return the vectorised kernels, or empty when the incubator module is missing or unusable
   */
  public static Optional<KernelProvider> vector() {
    return Optional.ofNullable(VectorHolder.VECTOR);
  }

  private static final class ScalarHolder {
    static final KernelProvider SCALAR = new ScalarKernelProvider();
  }

  private static final class VectorHolder {
    static final String FAILURE;
    static final KernelProvider VECTOR;

    static {
      String failure = null;
      KernelProvider vector = null;
      if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
        failure =
            "module "
                + VECTOR_MODULE
                + " not present (start the JVM with --add-modules="
                + VECTOR_MODULE
                + ")";
      } else {
        try {
          // Reflective load: the only path that links against the incubator module.
          vector =
              (KernelProvider) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          failure = "vector kernels unusable: " + cause;
        }
      }
      FAILURE = failure;
      VECTOR = vector;
    }
  }

  private static final class Selected {
    static final KernelProvider PROVIDER = select();

    private static KernelProvider select() {
      String choice = System.getProperty(PROPERTY);
      String source = "-D" + PROPERTY;
      if (choice == null) {
        choice = System.getenv(ENV);
        source = ENV;
      }
      choice = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
      if (choice.equals("scalar")) {
        LOG.log(Level.INFO, "autograd4j kernels: scalar (forced by " + source + ")");
        return scalar();
      }
      if (!choice.equals("auto") && !choice.equals("vector")) {
        LOG.log(
            Level.WARNING,
            "autograd4j kernels: unknown choice '" + choice + "' in " + source + ", using auto");
      }
      if (VectorHolder.VECTOR != null) {
        LOG.log(Level.DEBUG, "autograd4j kernels: " + VectorHolder.VECTOR.name());
        return VectorHolder.VECTOR;
      }
      LOG.log(Level.WARNING, "autograd4j kernels: scalar fallback, " + VectorHolder.FAILURE);
      return scalar();
    }
  }
}
