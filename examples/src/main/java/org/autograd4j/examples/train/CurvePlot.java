package org.autograd4j.examples.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The PNG of train loss (left axis) and test accuracy (right axis) per epoch. */
final class CurvePlot {
  private CurvePlot() {}

  static void write(History h, String title, Path png) throws IOException {
    // A server has no display: draw off-screen.
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("epoch").build();
    List<Integer> epochs = new ArrayList<>();
    for (int i = 1; i <= h.epochs(); i++) {
      epochs.add(i);
    }
    XYSeries loss = chart.addSeries("train loss", epochs, h.trainLoss);
    loss.setMarker(SeriesMarkers.CIRCLE);
    loss.setYAxisGroup(0);
    List<Double> pct = new ArrayList<>();
    for (double a : h.testAccuracy) {
      pct.add(100 * a);
    }
    XYSeries acc = chart.addSeries("test accuracy (%)", epochs, pct);
    acc.setMarker(SeriesMarkers.DIAMOND);
    acc.setYAxisGroup(1);
    chart.setYAxisGroupTitle(0, "train loss");
    chart.setYAxisGroupTitle(1, "test accuracy (%)");
    chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0.0##");
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    // Write next to the target and move into place, so a reader never sees half a PNG.
    Path tmp = png.resolveSibling(png.getFileName() + ".tmp.png");
    BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
    Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
