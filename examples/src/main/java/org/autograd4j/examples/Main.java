package org.autograd4j.examples;

/** Entry point of the {@code autograd4j} command line. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.out.println("autograd4j");
  }
}
