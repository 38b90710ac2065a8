package org.autograd4j.examples.seeds;

/**
 * What one cell printed.
 *
 * @param label the cell's label, as in {@link Cell#label()}
 * @param text everything the cell wrote, one {@code \n} after each line; empty if it printed
 *     nothing
 */
public record CellOutput(String label, String text) {}
