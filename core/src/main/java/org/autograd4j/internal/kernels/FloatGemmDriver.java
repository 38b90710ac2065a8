package org.autograd4j.internal.kernels;

/**
 * Single-precision GEMM in the Goto/BLIS structure: loops over {@code nc}-wide column blocks of B,
 * {@code kc}-deep slices, and {@code mc}-tall row blocks of A; each block is packed into contiguous
 * panels (transposes and alpha are absorbed by the packing) and swept by a register-blocked {@link
 * FloatMicroKernel}. Large products are split into a grid of C tiles, one per thread.
 */
final class FloatGemmDriver {

  /** Products with fewer multiply-adds than this skip packing altogether. */
  static final long SMALL_WORK = 8L * 8 * 8;

  /** Products with fewer multiply-adds than this run on the calling thread only. */
  static final long PARALLEL_WORK = 64L * 64 * 64;

  /** Tiles per thread for large products, for dynamic balancing on shared cores. */
  static final int SPLIT_FACTOR = 2;

  private final FloatMicroKernel kernel;
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
  FloatGemmDriver(FloatMicroKernel kernel, Elementwise elementwise, Reductions reductions) {
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

  /** See {@link Gemm#sgemm}. */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float beta,
      float[] c,
      int cOff,
      int ldc) {
    GemmChecks.check(
        transA, transB, m, n, k, a.length, aOff, lda, b.length, bOff, ldb, c.length, cOff, ldc);
    gemmUnchecked(
        transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, true, null);
  }

  /**
   * Whether a batch sharing one A goes through the kernel's 8-row tiles ({@link
   * FloatMicroKernel#computeEightRows}): A of whole 8-row panels, few enough (at most 8) for B to
   * be read in place, whole-width column tiles, the whole depth in one panel, beta 0 and alpha not
   * 0 (which reads neither A nor B). A convolution's forward over its 16 or 32 output channels.
   */
  private boolean usesEightRows(boolean transB, int m, int n, int k, float alpha, float beta) {
    return kernel.readsEightRows()
        && !transB
        && alpha != 0f
        && beta == 0f
        && m % 8 == 0
        && m <= 64
        && n % nr == 0
        && k <= kcMax
        && (long) m * n * k >= SMALL_WORK;
  }

  /**
   * {@link #gemmBatched} on 8-row tiles: A packed once into 8-row panels over its whole depth, each
   * product's B read in place, one whole product per task when several threads share the batch.
   */
  private void eightRowBatch(
      boolean transA,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      int strideB,
      float[] c,
      int cOff,
      int ldc,
      int strideC,
      int batch) {
    float[] ap = workspaces.get().shared(m * k);
    for (int i = 0; i < m; i++) {
      int panel = i / 8 * 8 * k + i % 8;
      for (int p = 0; p < k; p++) {
        ap[panel + p * 8] = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
      }
    }
    Parallel.RangeBody products =
        (lo, hi) -> {
          for (int s = lo; s < hi; s++) {
            int bs = bOff + s * strideB;
            int cs = cOff + s * strideC;
            // j outside i: one B tile stays in cache for every panel of A.
            for (int j = 0; j < n; j += nr) {
              for (int i = 0; i < m; i += 8) {
                kernel.computeEightRows(k, ap, i * k, b, bs + j, ldb, c, cs + i * ldc + j, ldc, 8);
              }
            }
          }
        };
    long total = (long) m * n * k * batch;
    if (Parallel.getNumThreads() > 1 && batch > 1 && total >= PARALLEL_WORK) {
      Parallel.parallelFor(0, batch, 1, products);
    } else {
      products.run(0, batch);
    }
  }

  /** See {@link Gemm#sgemmBatched}. */
  void gemmBatched(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      int strideA,
      float[] b,
      int bOff,
      int ldb,
      int strideB,
      float beta,
      float[] c,
      int cOff,
      int ldc,
      int strideC,
      int batch) {
    GemmChecks.batch(
        transA, transB, m, n, k, a.length, aOff, lda, strideA, b.length, bOff, ldb, strideB,
        c.length, cOff, ldc, strideC, batch);
    long work = (long) m * n * k;
    if (strideA == 0 && usesEightRows(transB, m, n, k, alpha, beta)) {
      eightRowBatch(
          transA, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, strideB, c, cOff, ldc, strideC,
          batch);
      return;
    }
    // A shared by every product (a broadcast weight, as in a convolution): pack it once for the
    // batch instead of once per product.
    float[] packedA =
        strideA == 0 && batch > 1 && usesPackedPath(m, n, k, alpha)
            ? packWholeA(transA, a, aOff, lda, m, k, alpha)
            : null;
    int threads = Parallel.getNumThreads();
    if (threads > 1
        && batch >= threads
        && (work < PARALLEL_WORK * threads || batch >= 4 * threads)) {
      // Many small products, or products enough to keep every thread busy: one whole product per
      // task beats splitting each one. Splitting each of the CNN's conv2 forward products (32 x 64
      // over 400, batch 64) across 2 threads forked and joined 64 times per batch for tiles of 16
      // rows: conv2 forward and backward 3.59 -> 3.23 ms (median 4.15 -> 3.57) on 2 threads.
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
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float beta,
      float[] c,
      int cOff,
      int ldc,
      boolean mayFork,
      float[] packedA) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0f) {
      FloatGemmSimple.scale(m, n, beta, c, cOff, ldc);
      return;
    }
    long work = (long) m * n * k;
    if (work < SMALL_WORK) {
      FloatGemmSimple.gemm(
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
          packedA, null, false);
      return;
    }
    // Split C into independent tiles (no barriers): large wide products into column tiles over
    // one shared packed A, large tall or square ones into one row tile per thread, the rest into
    // the grid that minimises the packing each tile repeats (its A rows plus its B columns). Those
    // column tiles, and the grid of a large product over A packed by the caller, are SPLIT_FACTOR
    // per thread, claimed dynamically: on shared cores one thread is often descheduled, and the
    // others then take over its remaining tiles instead of waiting. Only from about 640^3 on:
    // below, the packing every extra tile repeats costs more than balancing wins (Linear 128x784
    // by 784x256 on 2 threads: 0.58-0.61 ms with four tiles, 0.47-0.55 with two).
    boolean large = work >= PARALLEL_WORK * 1024;
    int tiles = large ? threads * SPLIT_FACTOR : threads;
    if (packedA == null && large && n > m && n >= tiles * nr) {
      // Large wide products: column tiles over one copy of packed A, the smaller operand. A grid
      // of tiles packs each A row once per tile column and each B column once per tile row, so
      // each thread packed as much as the whole product on one thread (sgemm 1024 on 2 threads:
      // 310 -> 326 GFLOPS, when square products took this path too). Smaller products lose more
      // to the second fork and to reading A packed on the other core than they save (the MLP's:
      // 20-60% slower). A's row blocks are packed by the first tile to need them rather than in a
      // parallel pass before all tiles, which took 400-500 us of a 7 ms sgemm 1024 (both threads
      // waiting on memory, then on each other): in one JVM alternating both, median of 22 rounds,
      // 315 -> 319 GFLOPS on JDK 17 and 307 -> 309 on JDK 25 at 1024; at 700, 302 -> 306 and 278
      // -> 284.
      SharedPackedA shared =
          new SharedPackedA(
              workspaces.get().shared((int) (ceilDiv(m, mr) * mr) * k),
              (int) ceilDiv(m, rowBlock(0, m)));
      int parts = tiles;
      Parallel.parallelChunks(
          parts,
          chunk -> {
            int j0 = split(n, parts, chunk, nr);
            int j1 = split(n, parts, chunk + 1, nr);
            if (j0 < j1) {
              // Odd tiles walk A's row blocks bottom-up: two threads starting together pack the
              // two ends of A while the other computes, instead of one waiting for each block.
              boolean bottomUp = chunk % 2 == 1;
              tile(
                  transA, transB, 0, m, j0, j1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                  ldc, null, shared, bottomUp);
            }
          });
      return;
    }
    int gridM;
    int gridN;
    if (packedA == null && large) {
      // Large tall or square products: one row tile per thread, each packing its own rows of A and
      // all of B, so that no thread reads what the other packed or waits for it. The two cores
      // here hand a cache line over in ~220 ns each way (a ping-pong of two threads), and a thread
      // that waits for a row block of shared A also waits out any descheduling of its packer. In
      // one JVM alternating both (median of 18 rounds of the best of 6, 2 threads, JDK 25 / 17),
      // against the column tiles over shared A: 4096x256 over 1024 198 -> 308 / 246 -> 306
      // GFLOPS, 2048x1024 over 1024 296 -> 340 / 314 -> 324, 700^3 225 -> 284 / 280 -> 304,
      // 1024^3 254 -> 284 / 316 -> 321 (in a quieter stretch about 360 / 340 both ways). Wide
      // products keep the column tiles: row tiles would each pack the larger B (256x4096 over
      // 1024: 301 -> 284 / 326 -> 289).
      gridM = threads;
      gridN = 1;
    } else {
      gridM = gridRows(m, n, tiles);
      gridN = tiles / gridM;
    }
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
                ldc, packedA, null, false);
          }
        });
  }

  /**
   * The rows of a grid of {@code tiles} tiles over an {@code m x n} C (a divisor of {@code tiles})
   * whose tiles repeat the least packing: the fewest A rows plus B columns per tile.
   */
  private int gridRows(int m, int n, int tiles) {
    int gridM = 1;
    long best = Long.MAX_VALUE;
    for (int t = 1; t <= tiles; t++) {
      if (tiles % t != 0) {
        continue;
      }
      long rows = ceilDiv(ceilDiv(m, t), mr) * mr;
      long cols = ceilDiv(ceilDiv(n, tiles / t), nr) * nr;
      if (rows + cols < best) {
        best = rows + cols;
        gridM = t;
      }
    }
    return gridM;
  }

  /**
   * All of {@code alpha * op(A)} in MR-row panels, each over the whole depth {@code k}, in the
   * calling thread's shared buffer: a fresh array per call came from memory out of cache, 1.6 MB a
   * CNN step in conv2's input gradient alone (with {@link #eightRowBatch}'s, the step 0.5-2%
   * slower).
   */
  private float[] packWholeA(
      boolean transA, float[] a, int aOff, int lda, int m, int k, float alpha) {
    float[] packed = workspaces.get().shared((int) (ceilDiv(m, mr) * mr) * k);
    packA(transA, a, aOff, lda, 0, m, 0, k, alpha, packed, 0);
    return packed;
  }

  /**
   * Whether {@link #gemmUnchecked} reaches {@link #tile} (and so reads packed A) for this shape.
   */
  private static boolean usesPackedPath(int m, int n, int k, float alpha) {
    return m > 1 && n > 1 && k > 0 && alpha != 0f && (long) m * n * k >= SMALL_WORK;
  }

  /** One row ({@code m == 1}) or one column ({@code n == 1}) of C, streaming the matrix once. */
  private void gemv(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float beta,
      float[] c,
      int cOff,
      int ldc) {
    if (m == 1) {
      if (!transB) {
        // c = beta * c + sum_p (alpha * a_p) * B(p, :): one axpy per contiguous row of B.
        FloatGemmSimple.scale(1, n, beta, c, cOff, ldc);
        for (int p = 0; p < k; p++) {
          float ap = alpha * a[aOff + p * (transA ? lda : 1)];
          elementwise.axpy(ap, b, bOff + p * ldb, c, cOff, n);
        }
      } else {
        // c_j = alpha * <a, B(j, :)> + beta * c_j: a dot per contiguous row of B, four rows at a
        // time.
        float[] x = a;
        int xOff = aOff;
        if (transA && lda != 1) {
          x = gather(a, aOff, lda, k);
          xOff = 0;
        }
        float[] dots = new float[n];
        reductions.dotRows(b, bOff, ldb, n, x, xOff, k, dots, 0);
        for (int j = 0; j < n; j++) {
          c[cOff + j] = alpha * dots[j] + (beta == 0f ? 0f : beta * c[cOff + j]);
        }
      }
      return;
    }
    // n == 1: x = op(B)(:, 0), made contiguous.
    float[] x = b;
    int xOff = bOff;
    if (!transB && ldb != 1) {
      x = gather(b, bOff, ldb, k);
      xOff = 0;
    }
    if (!transA) {
      float[] dots = new float[m];
      reductions.dotRows(a, aOff, lda, m, x, xOff, k, dots, 0);
      for (int i = 0; i < m; i++) {
        int ci = cOff + i * ldc;
        c[ci] = alpha * dots[i] + (beta == 0f ? 0f : beta * c[ci]);
      }
    } else {
      // op(A) = A^T: y = sum_p x_p * A(p, :), one axpy per contiguous row of A.
      float[] y = new float[m];
      for (int p = 0; p < k; p++) {
        elementwise.axpy(x[xOff + p], a, aOff + p * lda, y, 0, m);
      }
      for (int i = 0; i < m; i++) {
        int ci = cOff + i * ldc;
        c[ci] = alpha * y[i] + (beta == 0f ? 0f : beta * c[ci]);
      }
    }
  }

  private static float[] gather(float[] src, int off, int stride, int len) {
    float[] dst = new float[len];
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

  /**
   * The height of {@link #tile}'s row blocks of A for rows {@code [i0, i1)}: near-equal blocks of
   * at most {@code mc} rows, whole MR-row panels.
   */
  private int rowBlock(int i0, int i1) {
    return (int) (ceilDiv(ceilDiv(i1 - i0, ceilDiv(i1 - i0, mcMax)), mr) * mr);
  }

  /**
   * Computes the C block {@code [i0, i1) x [j0, j1)} over all of k on the calling thread, reading A
   * from {@code packedA} if given (whole-depth panels). With {@code sharedA} instead, A's row
   * blocks are packed into its buffer by the first tile to reach them; this one walks them
   * bottom-up if {@code bottomUp}.
   */
  private void tile(
      boolean transA,
      boolean transB,
      int i0,
      int i1,
      int j0,
      int j1,
      int k,
      float alpha,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float beta,
      float[] c,
      int cOff,
      int ldc,
      float[] packedA,
      SharedPackedA sharedA,
      boolean bottomUp) {
    // Even block sizes: k = kcMax + 1 becomes two halves, not a full block and a sliver.
    int kcStep = (int) ceilDiv(k, ceilDiv(k, kcMax));
    int mcStep = rowBlock(i0, i1);
    int rowBlocks = (int) ceilDiv(i1 - i0, mcStep);
    int ncStep = (int) (ceilDiv(ceilDiv(j1 - j0, ceilDiv(j1 - j0, ncMax)), nr) * nr);
    Workspace ws = workspaces.get();
    // A packed whole, over all of k: given, or packed here block by block into the shared buffer.
    float[] wholeA = sharedA != null ? sharedA.panels() : packedA;
    float[] ap = wholeA != null ? wholeA : ws.a(mcStep * kcStep);
    float[] bp = ws.b(ncStep * kcStep);
    float[] tmp = ws.tmp(mr * nr);
    // A single B micro-panel means every A panel is used once: packing A would copy it once per
    // use, as costly as the product, so the kernel reads row-major A in place (the CNN's weight
    // gradient, 400 x 32 over 64 positions: GemmShapeBenchmark NT:400:32:64, JDK 17, 35 -> 21 us).
    boolean aInPlace =
        !transA && alpha == 1f && wholeA == null && j1 - j0 <= nr && kernel.readsRowMajorA(j1 - j0);
    // Few A panels per B panel: B is not worth packing (see readsBInPlace).
    boolean bInPlace =
        !aInPlace && !transB && kernel.readsRowMajorB() && readsBInPlace(i1 - i0, kcStep, ldb);
    for (int jc = j0; jc < j1; jc += ncStep) {
      int nc = Math.min(ncStep, j1 - jc);
      for (int pc = 0; pc < k; pc += kcStep) {
        int kc = Math.min(kcStep, k - pc);
        // beta applies once, on the first k slice; later slices accumulate.
        float betaEff = pc == 0 ? beta : 1f;
        // Full-width panels read in place; only an edge panel narrower than NR is packed.
        int fullWidth = bInPlace ? nc / nr * nr : 0;
        if (fullWidth < nc) {
          packB(transB, b, bOff, ldb, pc, kc, jc + fullWidth, nc - fullWidth, bp);
        }
        for (int block = 0; block < rowBlocks; block++) {
          int rowBlock = bottomUp ? rowBlocks - 1 - block : block;
          int ic = i0 + rowBlock * mcStep;
          int mc = Math.min(mcStep, i1 - ic);
          if (aInPlace) {
            for (int ir = 0; ir < mc; ir += mr) {
              kernel.computeRowMajorA(
                  kc,
                  a,
                  aOff + (ic + ir) * lda + pc,
                  lda,
                  bp,
                  0,
                  c,
                  cOff + (ic + ir) * ldc + jc,
                  ldc,
                  Math.min(mr, mc - ir),
                  nc,
                  betaEff,
                  tmp);
            }
            continue;
          }
          if (wholeA == null) {
            packA(transA, a, aOff, lda, ic, mc, pc, kc, alpha, ap, 0);
          } else if (sharedA != null && sharedA.claim(rowBlock)) {
            try {
              packA(transA, a, aOff, lda, ic, mc, 0, k, alpha, ap, ic * k);
            } catch (RuntimeException | Error e) {
              sharedA.abandon(rowBlock);
              throw e;
            }
            sharedA.publish(rowBlock);
          }
          // jr outside ir: one B micro-panel stays in L1 while A micro-panels stream from L2.
          for (int jr = 0; jr < nc; jr += nr) {
            int nrEff = Math.min(nr, nc - jr);
            if (jr < fullWidth) {
              int bi = bOff + pc * ldb + jc + jr;
              for (int ir = 0; ir < mc; ir += mr) {
                kernel.computeRowMajorB(
                    kc,
                    ap,
                    wholeA == null ? ir * kc : (ic + ir) * k + pc * mr,
                    b,
                    bi,
                    ldb,
                    c,
                    cOff + (ic + ir) * ldc + jc + jr,
                    ldc,
                    Math.min(mr, mc - ir),
                    betaEff);
              }
              continue;
            }
            for (int ir = 0; ir < mc; ir += mr) {
              int mrEff = Math.min(mr, mc - ir);
              kernel.compute(
                  kc,
                  ap,
                  // A packed for the whole batch holds each MR-row panel over all of k.
                  wholeA == null ? ir * kc : (ic + ir) * k + pc * mr,
                  bp,
                  (jr - fullWidth) * kc,
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
   * Whether {@link #tile} reads the full-width panels of row-major B in place rather than packing
   * them, for a tile of {@code rows} rows over {@code kc}-deep slices of a B whose rows are {@code
   * ldb} floats apart. Packing copies each B panel once for the {@code rows / MR} A panels that
   * meet it; reading in place makes each of those kernel calls read B strided. Measured on Zen 5
   * (512-bit vectors), in place against packed alternated in one JVM, time ratios JDK 17 / JDK 25:
   *
   * <ul>
   *   <li>up to 12 A panels (72 rows), in place is faster at every depth (25 to 1024) and row
   *       length (64 to 2048) tried, but for the next case: the CNN's conv1 forward per sample (16
   *       x 576 over 25) 0.60-0.72 / 0.62-0.64, its conv2 forward (32 x 64 over 400) 0.77-0.98 /
   *       0.68-0.89. With 22 panels (132 rows) it is 0.68-1.17, and larger products lose, up to 1.8
   *       / 1.0 for sgemm 1024: packing stays there, and for the MLP's NN:128:256:128 (1.00-1.12 /
   *       0.91-0.99);
   *   <li>rows of B a multiple of 4 KiB apart all fall into the same L1 sets, so the panel does not
   *       stay in L1 between kernel calls: 18 rows (3 panels) are still faster (0.62 / 0.84 at n
   *       1024, k 64), 36 rows no longer (0.91 / 1.09; 72 rows 1.08 / 1.26);
   *   <li>a B slice of at most 4096 floats (16 KiB) stays in L1 whatever its reuse, and in place is
   *       then as fast or faster also under many A panels (400 x 64 over 32: 0.93 / 0.94; 264 x 64
   *       over 64: 0.90 / 0.97; the conv2 input gradient, TN:400:64:32: 0.98-1.04 / 0.89-1.00).
   * </ul>
   */
  private boolean readsBInPlace(int rows, int kc, int ldb) {
    if ((long) kc * ldb <= 4096) {
      return true;
    }
    long panels = ceilDiv(rows, mr);
    return panels <= (ldb % 1024 == 0 ? 3 : 12);
  }

  /**
   * Packs {@code alpha * op(A)[ic .. ic+mc, pc .. pc+kc]} into MR-row panels, each stored p-major
   * ({@code MR} consecutive values per p), zero-padding the last panel.
   */
  private void packA(
      boolean transA,
      float[] a,
      int aOff,
      int lda,
      int ic,
      int mc,
      int pc,
      int kc,
      float alpha,
      float[] ap,
      int apOff) {
    for (int ir = 0; ir < mc; ir += mr) {
      int rows = Math.min(mr, mc - ir);
      int dst = apOff + ir * kc;
      if (transA && rows == mr) {
        kernel.packTransposedA(a, aOff + pc * lda + ic + ir, lda, kc, alpha, ap, dst);
      } else if (transA) {
        // op(A)(i, p) = A(p, i): the MR values for one p are contiguous in A; the last panel's
        // rows past mc are zeros.
        for (int p = 0; p < kc; p++) {
          int src = aOff + (pc + p) * lda + ic + ir;
          int d = dst + p * mr;
          for (int ii = 0; ii < rows; ii++) {
            ap[d + ii] = alpha * a[src + ii];
          }
          for (int ii = rows; ii < mr; ii++) {
            ap[d + ii] = 0f;
          }
        }
      } else if (rows == mr) {
        kernel.packRowMajorA(a, aOff + (ic + ir) * lda + pc, lda, kc, alpha, ap, dst);
      } else {
        // The last panel of row-major A: read each of its rows sequentially, write with stride
        // MR; the rows past mc are zeros.
        for (int ii = 0; ii < rows; ii++) {
          int src = aOff + (ic + ir + ii) * lda + pc;
          for (int p = 0; p < kc; p++) {
            ap[dst + p * mr + ii] = alpha * a[src + p];
          }
        }
        for (int ii = rows; ii < mr; ii++) {
          for (int p = 0; p < kc; p++) {
            ap[dst + p * mr + ii] = 0f;
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
      boolean transB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] bp) {
    for (int jr = 0; jr < nc; jr += nr) {
      int cols = Math.min(nr, nc - jr);
      int dst = jr * kc;
      if (transB) {
        // op(B)(p, j) = B(j, p): whole panels by the kernel, the last one element by element.
        int src = bOff + (jc + jr) * ldb + pc;
        if (cols == nr) {
          kernel.packTransposedB(b, src, ldb, kc, bp, dst);
        } else {
          ScalarPacking.transposedB(b, src, ldb, kc, cols, nr, bp, dst);
        }
      } else {
        // Row-major B: the NR values for one p are contiguous. A full panel goes to the kernel,
        // whose vector kernels copy each p's NR values as whole vectors: one arraycopy call per
        // 32 floats cost 2-5% of the MLP's products (alternated in one JVM, JDK 17 / 25:
        // TN:256:784:128 330 -> 318 / 305 -> 300 us, TN:128:256:128 56.3 -> 51.7 / 52.4 -> 50.1,
        // NN:128:256:128 61.8 -> 53.9 / 53.7 -> 51.7; one-thread sgemm 1024 12.8 -> 11.8 ms).
        // The edge panel keeps arraycopy, which beat the element loop before it (sgemm 256: 66 ->
        // 72 GFLOPS).
        if (cols == nr) {
          kernel.packRowMajorB(b, bOff + pc * ldb + jc + jr, ldb, kc, bp, dst);
          continue;
        }
        for (int p = 0; p < kc; p++) {
          int src = bOff + (pc + p) * ldb + jc + jr;
          int d = dst + p * nr;
          System.arraycopy(b, src, bp, d, cols);
          for (int jj = cols; jj < nr; jj++) {
            bp[d + jj] = 0f;
          }
        }
      }
    }
  }

  /** Per-thread packing buffers, grown on demand and reused across calls. */
  private static final class Workspace {
    private float[] a = new float[0];
    private float[] b = new float[0];
    private float[] tmp = new float[0];

    /**
     * A packed whole A for the products started by this thread (read by the other threads while
     * they run); kept, like OpenBLAS's buffers, for the next one.
     */
    private float[] shared = new float[0];

    float[] a(int size) {
      a = atLeast(a, size);
      return a;
    }

    float[] b(int size) {
      b = atLeast(b, size);
      return b;
    }

    float[] tmp(int size) {
      tmp = atLeast(tmp, size);
      return tmp;
    }

    float[] shared(int size) {
      shared = atLeast(shared, size);
      return shared;
    }

    /** {@code buffer} if it holds {@code size} floats, else a new array that does. */
    private static float[] atLeast(float[] buffer, int size) {
      return buffer.length < size ? new float[size] : buffer;
    }
  }
}
