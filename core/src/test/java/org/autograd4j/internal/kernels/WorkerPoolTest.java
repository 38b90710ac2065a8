package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  private static long liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .count();
  }

  @Test
  void parkedWorkersWakeForEveryJob() throws InterruptedException {
    WorkerPool pool = new WorkerPool("pool-test-wake-");
    pool.resize(2);
    try {
      for (int round = 0; round < 20; round++) {
        // Past the spin window every few rounds, so submissions meet parked workers too.
        if (round % 4 == 0) {
          Thread.sleep(1 + TimeUnit.NANOSECONDS.toMillis(WorkerPool.SPIN_NANOS));
        }
        CountDownLatch ran = new CountDownLatch(2);
        pool.submit(ran::countDown, 2);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "a queued job was never run in round " + round);
      }
    } finally {
      pool.resize(0);
    }
  }

  @Test
  void shrinkingAndGrowingLeavesExactlyTheRequestedWorkers() throws InterruptedException {
    String prefix = "pool-test-size-";
    WorkerPool pool = new WorkerPool(prefix);
    pool.resize(3);
    pool.resize(1);
    pool.resize(2);
    pool.resize(0);
    pool.resize(1);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(1);
    pool.submit(
        () -> {
          runs.incrementAndGet();
          ran.countDown();
        },
        1);
    assertTrue(ran.await(10, TimeUnit.SECONDS));
    assertEquals(1, runs.get());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (liveThreads(prefix) != 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, liveThreads(prefix), "retired workers must exit, the requested one stay");
    pool.resize(0);
    while (liveThreads(prefix) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(0, liveThreads(prefix));
  }
}
