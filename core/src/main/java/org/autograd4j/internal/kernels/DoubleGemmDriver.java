package org.autograd4j.internal.kernels;

/**
 * double-precision GEMM in the Goto/BLIS structure: loops over {@code nc}-wide column blocks of B,
 * {@code kc}-deep slices, and {@code mc}-tall row blocks of A; each block is packed into contiguous
 * panels (transposes and alpha are absorbed by the packing) and swept by a register-blocked {@link
 * DoubleMicroKernel}. Large products are split into a grid of C tiles, one per thread.
 */
final class DoubleGemmDriver {

  /** Products with fewer multiply-adds than this skip packing altogether. */
  static final long SMALL_WORK = 8L * 8 * 8;

  /** Products with fewer multiply-adds than this run on the calling thread only. */
  static final long PARALLEL_WORK = 64L * 64 * 64;

  /** Tiles per thread for large products, for dynamic balancing on shared cores. */
  static final int SPLIT_FACTOR = 2;

  private final DoubleMicroKernel kernel;
  private final Elementwise elementwise;
  private final Reductions reductions;
  private final int mr;
  private final int nr;
  private final int mcMax;
  private final int kcMax;
  private final int ncMax;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  /**
   * Creates a driver around {@code kernel}; matrix-vector products (one row or one column of C)
   * bypass packing and run on the provider's {@code axpy} and {@code dot}.
   */
  DoubleGemmDriver(DoubleMicroKernel kernel, Elementwise elementwise, Reductions reductions) {
    this.kernel = kernel;
    this.elementwise = elementwise;
    this.reductions = reductions;
    GemmBlocking blocking = kernel.blocking();
    this.mr = blocking.mr();
    this.nr = blocking.nr();
    this.mcMax = blocking.mc();
    this.kcMax = blocking.kc();
    this.ncMax = blocking.nc();
  }

  /** See {@link Gemm#dgemm}. */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double beta,
      double[] c,
      int cOff,
      int ldc) {
    GemmChecks.check(
        transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
    gemmUnchecked(
        transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, true, null);
  }

  /** See {@link Gemm#dgemmBatched}. */
  void gemmBatched(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      int strideA,
      double[] b,
      int bOff,
      int ldb,
      int strideB,
      double beta,
      double[] c,
      int cOff,
      int ldc,
      int strideC,
      int batch) {
    GemmChecks.batch(
        transA, transB, m, n, k, a.length, aOff, lda, strideA, b.length, bOff, ldb, strideB,
        c.length, cOff, ldc, strideC, batch);
    long work = (long) m * n * k;
    // A shared by every product (a broadcast weight, as in a convolution): pack it once for the
    // batch instead of once per product.
    double[] packedA =
        strideA == 0 && batch > 1 && usesPackedPath(m, n, k, alpha)
            ? packWholeA(transA, a, aOff, lda, m, k, alpha)
            : null;
    int threads = Parallel.getNumThreads();
    if (threads > 1
        && batch >= threads
        && (work < PARALLEL_WORK * threads || batch >= 4 * threads)) {
      // Many small products, or enough of them to keep every thread busy: one whole product per
      // task (see FloatGemmDriver#gemmBatched).
      long total = work * batch;
      int grain = total < PARALLEL_WORK ? batch : 1;
      Parallel.parallelFor(
          0,
          batch,
          grain,
          (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
              gemmUnchecked(
                  transA,
                  transB,
                  m,
                  n,
                  k,
                  alpha,
                  a,
                  aOff + i * strideA,
                  lda,
                  b,
                  bOff + i * strideB,
                  ldb,
                  beta,
                  c,
                  cOff + i * strideC,
                  ldc,
                  false,
                  packedA);
            }
          });
    } else {
      for (int i = 0; i < batch; i++) {
        gemmUnchecked(
            transA,
            transB,
            m,
            n,
            k,
            alpha,
            a,
            aOff + i * strideA,
            lda,
            b,
            bOff + i * strideB,
            ldb,
            beta,
            c,
            cOff + i * strideC,
            ldc,
            true,
            packedA);
      }
    }
  }

  private void gemmUnchecked(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double beta,
      double[] c,
      int cOff,
      int ldc,
      boolean mayFork,
      double[] packedA) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0.0) {
      DoubleGemmSimple.scale(m, n, beta, c, cOff, ldc);
      return;
    }
    long work = (long) m * n * k;
    if (work < SMALL_WORK) {
      DoubleGemmSimple.gemm(
          transA, transB, 0, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    if (m == 1 || n == 1) {
      // Matrix-vector product: packing would copy the whole matrix to use it once, and the
      // register tile would be 5/6 (or 15/16) padding.
      gemv(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    int threads = mayFork ? Parallel.getNumThreads() : 1;
    if (threads == 1 || work < PARALLEL_WORK) {
      tile(
          transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
          packedA);
      return;
    }
    // Split C into a tm x tn grid of independent tiles (no barriers), choosing the grid that
    // minimises the packing each tile repeats (its A rows plus its B columns). Large products get
    // SPLIT_FACTOR tiles per thread, claimed dynamically: on shared cores one thread is often
    // descheduled, and the others then take over its remaining tiles instead of waiting. Only from
    // about 640^3 on: below, the packing every extra tile repeats costs more than balancing wins
    // (Linear 128x784 by 784x256 on 2 threads: 0.58-0.61 ms with four tiles, 0.47-0.55 with two).
    int tiles = threads;
    if (work >= PARALLEL_WORK * 1024) {
      tiles = threads * SPLIT_FACTOR;
    }
    int tm = 1;
    long best = Long.MAX_VALUE;
    for (int t = 1; t <= tiles; t++) {
      if (tiles % t != 0) {
        continue;
      }
      int u = tiles / t;
      long rows = ceilDiv(ceilDiv(m, t), mr) * mr;
      long cols = ceilDiv(ceilDiv(n, u), nr) * nr;
      if (rows + cols < best) {
        best = rows + cols;
        tm = t;
      }
    }
    int gridM = tm;
    int gridN = tiles / tm;
    Parallel.parallelChunks(
        gridM * gridN,
        chunk -> {
          int ti = chunk / gridN;
          int tj = chunk % gridN;
          int i0 = split(m, gridM, ti, mr);
          int i1 = split(m, gridM, ti + 1, mr);
          int j0 = split(n, gridN, tj, nr);
          int j1 = split(n, gridN, tj + 1, nr);
          if (i0 < i1 && j0 < j1) {
            tile(
                transA, transB, i0, i1, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                ldc, packedA);
          }
        });
  }

  /** All of {@code alpha * op(A)} in MR-row panels, each over the whole depth {@code k}. */
  private double[] packWholeA(
      boolean transA, double[] a, int aOff, int lda, int m, int k, double alpha) {
    double[] packed = new double[(int) (ceilDiv(m, mr) * mr) * k];
    packA(transA, a, aOff, lda, 0, m, 0, k, alpha, packed);
    return packed;
  }

  /**
   * Whether {@link #gemmUnchecked} reaches {@link #tile} (and so reads packed A) for this shape.
   */
  private static boolean usesPackedPath(int m, int n, int k, double alpha) {
    return m > 1 && n > 1 && k > 0 && alpha != 0.0 && (long) m * n * k >= SMALL_WORK;
  }

  /** One row ({@code m == 1}) or one column ({@code n == 1}) of C, streaming the matrix once. */
  private void gemv(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double beta,
      double[] c,
      int cOff,
      int ldc) {
    if (m == 1) {
      if (!transB) {
        // c = beta * c + sum_p (alpha * a_p) * B(p, :): one axpy per contiguous row of B.
        DoubleGemmSimple.scale(1, n, beta, c, cOff, ldc);
        for (int p = 0; p < k; p++) {
          double ap = alpha * a[aOff + p * (transA ? lda : 1)];
          elementwise.axpy(ap, b, bOff + p * ldb, c, cOff, n);
        }
      } else {
        // c_j = alpha * <a, B(j, :)> + beta * c_j: one dot per contiguous row of B.
        double[] x = a;
        int xOff = aOff;
        if (transA && lda != 1) {
          x = gather(a, aOff, lda, k);
          xOff = 0;
        }
        for (int j = 0; j < n; j++) {
          double dot = reductions.dot(x, xOff, b, bOff + j * ldb, k);
          c[cOff + j] = alpha * dot + (beta == 0.0 ? 0.0 : beta * c[cOff + j]);
        }
      }
      return;
    }
    // n == 1: x = op(B)(:, 0), made contiguous.
    double[] x = b;
    int xOff = bOff;
    if (!transB && ldb != 1) {
      x = gather(b, bOff, ldb, k);
      xOff = 0;
    }
    if (!transA) {
      for (int i = 0; i < m; i++) {
        double dot = reductions.dot(a, aOff + i * lda, x, xOff, k);
        int ci = cOff + i * ldc;
        c[ci] = alpha * dot + (beta == 0.0 ? 0.0 : beta * c[ci]);
      }
    } else {
      // op(A) = A^T: y = sum_p x_p * A(p, :), one axpy per contiguous row of A.
      double[] y = new double[m];
      for (int p = 0; p < k; p++) {
        elementwise.axpy(x[xOff + p], a, aOff + p * lda, y, 0, m);
      }
      for (int i = 0; i < m; i++) {
        int ci = cOff + i * ldc;
        c[ci] = alpha * y[i] + (beta == 0.0 ? 0.0 : beta * c[ci]);
      }
    }
  }

  private static double[] gather(double[] src, int off, int stride, int len) {
    double[] dst = new double[len];
    for (int i = 0; i < len; i++) {
      dst[i] = src[off + i * stride];
    }
    return dst;
  }

  /** Boundary {@code t} of {@code parts} near-equal parts of {@code len}, aligned to {@code q}. */
  private static int split(int len, int parts, int t, int q) {
    if (t >= parts) {
      return len;
    }
    long raw = (long) len * t / parts;
    return (int) Math.min(len, (raw + q / 2) / q * q);
  }

  private static long ceilDiv(long x, long y) {
    return (x + y - 1) / y;
  }

  /** Computes the C block {@code [i0, i1) x [j0, j1)} over all of k on the calling thread. */
  private void tile(
      boolean transA,
      boolean transB,
      int i0,
      int i1,
      int j0,
      int j1,
      int k,
      double alpha,
      double[] a,
      int aOff,
      int lda,
      double[] b,
      int bOff,
      int ldb,
      double beta,
      double[] c,
      int cOff,
      int ldc,
      double[] packedA) {
    // Even block sizes: k = kcMax + 1 becomes two halves, not a full block and a sliver.
    int kcStep = (int) ceilDiv(k, ceilDiv(k, kcMax));
    int mcStep = (int) (ceilDiv(ceilDiv(i1 - i0, ceilDiv(i1 - i0, mcMax)), mr) * mr);
    int ncStep = (int) (ceilDiv(ceilDiv(j1 - j0, ceilDiv(j1 - j0, ncMax)), nr) * nr);
    Workspace ws = workspaces.get();
    double[] ap = packedA != null ? packedA : ws.a(mcStep * kcStep);
    double[] bp = ws.b(ncStep * kcStep);
    double[] tmp = ws.tmp(mr * nr);
    for (int jc = j0; jc < j1; jc += ncStep) {
      int nc = Math.min(ncStep, j1 - jc);
      for (int pc = 0; pc < k; pc += kcStep) {
        int kc = Math.min(kcStep, k - pc);
        // beta applies once, on the first k slice; later slices accumulate.
        double betaEff = pc == 0 ? beta : 1.0;
        packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
        for (int ic = i0; ic < i1; ic += mcStep) {
          int mc = Math.min(mcStep, i1 - ic);
          if (packedA == null) {
            packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap);
          }
          // jr outside ir: one B micro-panel stays in L1 while A micro-panels stream from L2.
          for (int jr = 0; jr < nc; jr += nr) {
            int nrEff = Math.min(nr, nc - jr);
            for (int ir = 0; ir < mc; ir += mr) {
              int mrEff = Math.min(mr, mc - ir);
              kernel.compute(
                  kc,
                  ap,
                  // A packed for the whole batch holds each MR-row panel over all of k.
                  packedA == null ? ir * kc : (ic + ir) * k + pc * mr,
                  bp,
                  jr * kc,
                  c,
                  cOff + (ic + ir) * ldc + jc + jr,
                  ldc,
                  mrEff,
                  nrEff,
                  betaEff,
                  tmp);
            }
          }
        }
      }
    }
  }

  /**
   * Packs {@code alpha * op(A)[ic .. ic+mc, pc .. pc+kc]} into MR-row panels, each stored p-major
   * ({@code MR} consecutive values per p), zero-padding the last panel.
   */
  private void packA(
      boolean transA,
      double[] a,
      int aOff,
      int lda,
      int ic,
      int mc,
      int pc,
      int kc,
      double alpha,
      double[] ap) {
    for (int ir = 0; ir < mc; ir += mr) {
      int rows = Math.min(mr, mc - ir);
      int dst = ir * kc;
      if (transA) {
        // op(A)(i, p) = A(p, i): the MR values for one p are contiguous in A.
        for (int p = 0; p < kc; p++) {
          int src = aOff + (pc + p) * lda + ic + ir;
          int d = dst + p * mr;
          for (int ii = 0; ii < rows; ii++) {
            ap[d + ii] = alpha * a[src + ii];
          }
          for (int ii = rows; ii < mr; ii++) {
            ap[d + ii] = 0.0;
          }
        }
      } else {
        // Row-major A: read each of the MR rows sequentially, write with stride MR.
        for (int ii = 0; ii < rows; ii++) {
          int src = aOff + (ic + ir + ii) * lda + pc;
          for (int p = 0; p < kc; p++) {
            ap[dst + p * mr + ii] = alpha * a[src + p];
          }
        }
        for (int ii = rows; ii < mr; ii++) {
          for (int p = 0; p < kc; p++) {
            ap[dst + p * mr + ii] = 0.0;
          }
        }
      }
    }
  }

  /**
   * Packs {@code op(B)[pc .. pc+kc, jc .. jc+nc]} into NR-column panels, each stored p-major
   * ({@code NR} consecutive values per p), zero-padding the last panel.
   */
  private void packB(
      boolean transB, double[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, double[] bp) {
    for (int jr = 0; jr < nc; jr += nr) {
      int cols = Math.min(nr, nc - jr);
      int dst = jr * kc;
      if (transB) {
        // op(B)(p, j) = B(j, p): each of the NR rows of B is read sequentially.
        for (int jj = 0; jj < cols; jj++) {
          int src = bOff + (jc + jr + jj) * ldb + pc;
          for (int p = 0; p < kc; p++) {
            bp[dst + p * nr + jj] = b[src + p];
          }
        }
        for (int jj = cols; jj < nr; jj++) {
          for (int p = 0; p < kc; p++) {
            bp[dst + p * nr + jj] = 0.0;
          }
        }
      } else {
        // Row-major B: the NR values for one p are contiguous. arraycopy moves them with vector
        // loads and stores (sgemm 256: 66 -> 72 GFLOPS over the element loop it replaces).
        for (int p = 0; p < kc; p++) {
          int src = bOff + (pc + p) * ldb + jc + jr;
          int d = dst + p * nr;
          System.arraycopy(b, src, bp, d, cols);
          for (int jj = cols; jj < nr; jj++) {
            bp[d + jj] = 0.0;
          }
        }
      }
    }
  }

  /** Per-thread packing buffers, grown on demand and reused across calls. */
  private static final class Workspace {
    private double[] a = new double[0];
    private double[] b = new double[0];
    private double[] tmp = new double[0];

    double[] a(int size) {
      if (a.length < size) {
        a = new double[size];
      }
      return a;
    }

    double[] b(int size) {
      if (b.length < size) {
        b = new double[size];
      }
      return b;
    }

    double[] tmp(int size) {
      if (tmp.length < size) {
        tmp = new double[size];
      }
      return tmp;
    }
  }
}
