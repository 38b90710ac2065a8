package org.autograd4j.examples.seeds;

/**
 * One code cell of a notebook.
 *
 * @param label the execution count Jupyter shows, e.g. {@code "33"} for {@code In [33]}, or {@code
 *     " "} for a cell that was never run ({@code In [ ]})
 * @param body the cell's code
 * @param raises whether the cell ends in an error on purpose, as in the notebook
 */
public record Cell(String label, Runnable body, boolean raises) {}
