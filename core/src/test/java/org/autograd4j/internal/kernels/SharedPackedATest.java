package org.autograd4j.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SharedPackedATest {

  @Test
  void theFirstClaimPacksAndLaterOnesFindTheBlockPacked() {
    float[] buffer = new float[8];
    SharedPackedA shared = new SharedPackedA(buffer, 3);
    assertSame(buffer, shared.panels());
    assertTrue(shared.claim(1));
    shared.publish(1);
    assertFalse(shared.claim(1));
    assertTrue(shared.claim(0), "blocks are claimed independently");
    assertTrue(shared.claim(2));
  }

  @Test
  void aThreadNeedingABlockBeingPackedWaitsUntilItIsPublished() throws Exception {
    SharedPackedA shared = new SharedPackedA(new float[1], 1);
    CompletableFuture<Boolean> waiter = waiterOnABlockBeingPacked(shared);
    shared.publish(0);
    assertFalse(waiter.get(10, TimeUnit.SECONDS), "a published block is not packed again");
  }

  @Test
  void anAbandonedBlockIsClaimedAgainByAWaitingThread() throws Exception {
    SharedPackedA shared = new SharedPackedA(new float[1], 1);
    CompletableFuture<Boolean> waiter = waiterOnABlockBeingPacked(shared);
    shared.abandon(0);
    assertTrue(waiter.get(10, TimeUnit.SECONDS), "the waiting thread packs the block itself");
  }

  /** Claims block 0 here, then has another thread claim it too and checks that it waits. */
  private static CompletableFuture<Boolean> waiterOnABlockBeingPacked(SharedPackedA shared)
      throws InterruptedException {
    assertTrue(shared.claim(0));
    CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> shared.claim(0));
    Thread.sleep(50);
    assertFalse(waiter.isDone(), "returned while the block was still being packed");
    return waiter;
  }
}
