package org.autograd4j.internal.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernel threads behind {@link Parallel}: daemon workers that take jobs from one shared queue,
 * and when it runs dry spin for a short while before parking.
 *
 * <p>Why spin: a training step runs dozens of parallel regions a few microseconds apart. A parked
 * thread takes tens of microseconds to wake on a virtual machine, by which time the caller (who
 * always helps) has often done the whole job alone, so two threads ran no faster than one. A worker
 * that is still spinning picks the next job up at once. OpenMP runtimes, which PyTorch uses, do the
 * same (libgomp spins before sleeping). A parked worker costs nothing. The spin yields the core on
 * every turn, so that it never starves other runnable threads: with {@code Thread.onSpinWait} the
 * first MLP epoch on 2 threads, while C2 was still compiling, took 1.03-1.09 s, with yielding
 * 0.94-1.02 s (SideBySide mlp 2, Zen 4, 2 cores).
 *
 * <pre>{@code
 * WorkerPool pool = new WorkerPool("autograd4j-kernel-");
 * pool.resize(1);         // one worker
 * pool.submit(job, 1);    // one copy of the job for the worker; the caller runs job too
 * }</pre>
 */
final class WorkerPool {

  /** How long an idle worker keeps polling before it parks. */
  static final long SPIN_NANOS = 200_000;

  private final String namePrefix;
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final List<Worker> workers = new ArrayList<>();
  private volatile Worker[] snapshot = new Worker[0];
  private int started;

  WorkerPool(String namePrefix) {
    this.namePrefix = namePrefix;
  }

  /** Sets the number of workers; surplus workers finish their current job and exit. */
  synchronized void resize(int count) {
    while (workers.size() > count) {
      Worker w = workers.remove(workers.size() - 1);
      w.retired = true;
      LockSupport.unpark(w);
    }
    while (workers.size() < count) {
      Worker w = new Worker(namePrefix + (++started));
      workers.add(w);
      w.start();
    }
    if (count == 0) {
      // Nobody is left to drain stale copies of finished jobs; drop their references now.
      queue.clear();
    }
    snapshot = workers.toArray(new Worker[0]);
  }

  /**
   * Queues {@code copies} references to {@code job} and wakes parked workers. The job must tolerate
   * being run by any number of threads, and run late or not at all: the caller runs it as well.
   */
  void submit(Runnable job, int copies) {
    for (int i = 0; i < copies; i++) {
      queue.add(job);
    }
    for (Worker w : snapshot) {
      if (w.parked) {
        LockSupport.unpark(w);
      }
    }
  }

  private final class Worker extends Thread {
    volatile boolean parked;
    volatile boolean retired;

    Worker(String name) {
      super(name);
      // Daemon: an idle pool must never keep the JVM alive.
      setDaemon(true);
    }

    @Override
    public void run() {
      long idleSince = System.nanoTime();
      while (!retired) {
        Runnable job = queue.poll();
        if (job != null) {
          job.run();
          idleSince = System.nanoTime();
        } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
          // yield, not onSpinWait: hands the core to any runnable thread (the JIT's compiler
          // threads early in a run, on a 2-core machine), returns at once when there is none.
          Thread.yield();
        } else {
          // Publish "parked" before the last look at the queue: a submitter that adds a job after
          // that look sees the flag and unparks us (an unpark before park is not lost).
          parked = true;
          if (queue.isEmpty() && !retired) {
            LockSupport.park(this);
          }
          parked = false;
          idleSince = System.nanoTime();
        }
      }
    }
  }
}
