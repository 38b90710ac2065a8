#!/usr/bin/env bash
# Prints the JVM options autograd4j runs with, for the java given as $1 (default: java on the PATH).
# Used by the launcher (./autograd4j) and the side-by-side harness, so that benchmarks measure what users run.
#
#   --add-modules jdk.incubator.vector   the Vector API is an incubator module that a jar manifest cannot enable.
#   --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
#                                        lets new results of up to 1 MiB that are written whole (products,
#                                        convolutions) skip the JVM's zeroing, as torch.empty does
#                                        (UninitializedArrays, ScratchArrays: sgemm 256 on one thread 4-7% faster);
#                                        without it they are zeroed as usual.
#   -XX:+UseSerialGC                     on small machines ParallelGC's collector threads compete with the compute
#                                        threads and grow the heap early (bench/RESULTS.md: MLP epoch 1.6x faster,
#                                        peak RSS 1.6x lower with SerialGC).
#   -XX:-UseLoopPredicate (JDK 17-21)    with loop predication, C2 compiles the GEMM micro-kernel's loop with three
#                                        accumulators spilled to the stack in about half of all JVM runs (depending
#                                        on when the compile happens), halving every matrix product for the life of
#                                        the process; without it, 6 runs of 6 got the fast code (bench/RESULTS.md).
#                                        JDK 22+ uses another kernel shape and does not need it.
#   -XX:-PartialPeelLoop (JDK 22+)       the same kind of outcome on JDK 25 with that other shape: sgemm 1024 on one
#                                        thread ran at 77-136 GFLOPS instead of 173-193 in 3 of 12 JVM runs; without
#                                        partial peeling, 20 of 20 ran at 182-194. On JDK 17 it does not help (3
#                                        of 16 slow with it), so it is not set there (bench/RESULTS.md).
set -euo pipefail
java="${1:-java}"
flags="--add-modules jdk.incubator.vector --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -XX:+UseSerialGC"
# The JDK's release file gives the version without starting a JVM; ask the JVM only if it is missing.
release="$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")/release"
if [ -f "$release" ]; then
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
else
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
fi
if [ -n "$version" ] && [ "${version%%.*}" -lt 22 ]; then
  flags="$flags -XX:-UseLoopPredicate"
elif [ -n "$version" ]; then
  flags="$flags -XX:-PartialPeelLoop"
fi
echo "$flags"
