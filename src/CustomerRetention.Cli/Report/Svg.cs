using System.Globalization;
using System.Net;
using System.Text;

namespace CustomerRetention.Cli.Report;

/// <summary>
/// Small inline-SVG chart primitives for the HTML report: horizontal bar chart, column chart, histogram, heat map
/// and line chart. Every number is written in the invariant culture and every label is HTML-escaped.
/// </summary>
internal static class Svg
{
    /// <summary>The palette of the report (also used by the CSS).</summary>
    public const string Accent = "#2f6db5";
    public const string Second = "#d9822b";
    public const string Ink = "#222";
    public const string Muted = "#777";
    public const string Grid = "#e3e3e3";

    private const string Font = "font-family=\"system-ui, sans-serif\" font-size=\"12\"";

    /// <summary>HTML/XML-escapes a string (quotes and apostrophes too).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A coordinate: at most 2 decimals, invariant.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Horizontal bars, one per label, with the value text at the end of each bar.</summary>
    public static string BarChart(IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<string> valueTexts, string title, int width = 640)
    {
        const int labelWidth = 170, rowHeight = 24, top = 8, valueRoom = 110;
        int height = top + (labels.Count * rowHeight) + 8;
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        double plot = width - labelWidth - valueRoom;
        var svg = Open(width, height, title);
        for (int i = 0; i < labels.Count; i++)
        {
            double y = top + (i * rowHeight);
            double w = max > 0 ? plot * values[i] / max : 0;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{N(y + 16)}\" text-anchor=\"end\" fill=\"{Ink}\">{Escape(labels[i])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{N(y + 4)}\" width=\"{N(Math.Max(w, values[i] > 0 ? 1 : 0))}\" height=\"{rowHeight - 8}\" fill=\"{Accent}\"><title>{Escape(labels[i])}: {Escape(valueTexts[i])}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(labelWidth + w + 6)}\" y=\"{N(y + 16)}\" fill=\"{Muted}\">{Escape(valueTexts[i])}</text>");
        }

        return Close(svg);
    }

    /// <summary>
    /// Vertical columns, one per category, each in its own colour and named under the x axis (so no legend is needed),
    /// with the value text above each column; <paramref name="description"/> is the chart's text alternative
    /// (<c>desc</c>), read by screen readers with the title.
    /// </summary>
    public static string ColumnChart(IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<string> valueTexts, IReadOnlyList<string> colors, string xLabel, string yLabel, string title, string description, int width = 520, int height = 260)
    {
        const int left = 64, right = 16, top = 24, bottom = 44;
        double plotW = width - left - right, plotH = height - top - bottom;
        double max = 1;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        double yMax = Math.Max(5, NiceCeiling(max));
        var svg = Open(width, height, title, description);
        YAxis(svg, left, top, plotW, plotH, yMax, yLabel, 1);
        double slot = plotW / Math.Max(1, labels.Count);
        for (int i = 0; i < labels.Count; i++)
        {
            double h = plotH * values[i] / yMax;
            double x = left + (i * slot);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x + (slot * 0.2))}\" y=\"{N(top + plotH - h)}\" width=\"{N(slot * 0.6)}\" height=\"{N(h)}\" fill=\"{colors[i]}\"><title>{Escape(labels[i])}: {Escape(valueTexts[i])}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (slot / 2))}\" y=\"{N(top + plotH - h - 5)}\" text-anchor=\"middle\" fill=\"{Muted}\">{Escape(valueTexts[i])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (slot / 2))}\" y=\"{N(top + plotH + 16)}\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(labels[i])}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + (plotW / 2))}\" y=\"{height - 6}\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xLabel)}</text>");
        return Close(svg);
    }

    /// <summary>A histogram of counts over equal bins of [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static string Histogram(IReadOnlyList<int> counts, double from, double to, string xLabel, string title, int width = 640, int height = 260)
    {
        const int left = 56, right = 16, top = 12, bottom = 44;
        double plotW = width - left - right, plotH = height - top - bottom;
        int max = 1;
        foreach (int c in counts)
        {
            max = Math.Max(max, c);
        }

        double yMax = Math.Max(5, NiceCeiling(max));
        var svg = Open(width, height, title);
        YAxis(svg, left, top, plotW, plotH, yMax, "customers", 1);
        double barW = plotW / counts.Count;
        for (int i = 0; i < counts.Count; i++)
        {
            double h = plotH * counts[i] / yMax;
            double lo = from + ((to - from) * i / counts.Count), hi = from + ((to - from) * (i + 1) / counts.Count);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(left + (i * barW) + 1)}\" y=\"{N(top + plotH - h)}\" width=\"{N(barW - 2)}\" height=\"{N(h)}\" fill=\"{Accent}\"><title>{N(lo)}–{N(hi)}: {counts[i]}</title></rect>");
        }

        for (int i = 0; i <= counts.Count; i += Math.Max(1, counts.Count / 10))
        {
            double x = left + (i * barW);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(top + plotH + 16)}\" text-anchor=\"middle\" fill=\"{Muted}\">{N(from + ((to - from) * i / counts.Count))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + (plotW / 2))}\" y=\"{height - 6}\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xLabel)}</text>");
        return Close(svg);
    }

    /// <summary>
    /// A heat map: one row per label, one column per index; null cells are left blank; cells coloured from white
    /// (0) to the accent colour (1) with the value as a percentage inside.
    /// </summary>
    public static string HeatMap(IReadOnlyList<string> rowLabels, IReadOnlyList<double?[]> values, string columnLabel, string title)
    {
        const int labelWidth = 100, top = 22, cell = 38, rowHeight = 24;
        int columns = 0;
        foreach (double?[] row in values)
        {
            columns = Math.Max(columns, row.Length);
        }

        int width = labelWidth + (columns * cell) + 8;
        int height = top + (rowLabels.Count * rowHeight) + 26;
        var svg = Open(width, height, title);
        for (int k = 0; k < columns; k++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(labelWidth + (k * cell) + (cell / 2.0))}\" y=\"{top - 6}\" text-anchor=\"middle\" fill=\"{Muted}\">{k}</text>");
        }

        for (int r = 0; r < rowLabels.Count; r++)
        {
            double y = top + (r * rowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{N(y + 15)}\" text-anchor=\"end\" fill=\"{Ink}\">{Escape(rowLabels[r])}</text>");
            for (int k = 0; k < values[r].Length; k++)
            {
                if (values[r][k] is not { } v)
                {
                    continue;
                }

                double x = labelWidth + (k * cell);
                string text = (100 * v).ToString("0", CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{cell - 1}\" height=\"{rowHeight - 1}\" fill=\"{Shade(v)}\"><title>{Escape(rowLabels[r])}, {Escape(columnLabel)} {k}: {text}%</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (cell / 2.0))}\" y=\"{N(y + 15)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{(v > 0.55 ? "#fff" : Ink)}\">{text}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(labelWidth + (columns * cell / 2.0))}\" y=\"{height - 6}\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(columnLabel)}</text>");
        return Close(svg);
    }

    /// <summary>One series of a line chart.</summary>
    public sealed record Series(string Name, IReadOnlyList<double> Y, string Color, bool Dashed);

    /// <summary>A line chart over <paramref name="x"/>; <paramref name="marker"/> draws a labelled vertical line.</summary>
    public static string LineChart(IReadOnlyList<double> x, IReadOnlyList<Series> series, string xLabel, string yLabel, double? marker, string? markerLabel, string title, int width = 760, int height = 320)
    {
        const int left = 64, right = 16, top = 12, bottom = 44;
        double plotW = width - left - right, plotH = height - top - bottom;
        double xMin = x.Count > 0 ? x[0] : 0, xMax = x.Count > 0 ? x[x.Count - 1] : 1;
        if (xMax <= xMin)
        {
            xMax = xMin + 1;
        }

        double yTop = 0;
        foreach (Series s in series)
        {
            foreach (double y in s.Y)
            {
                yTop = Math.Max(yTop, y);
            }
        }

        double yMax = NiceCeiling(Math.Max(yTop, 1));
        var svg = Open(width, height, title);
        YAxis(svg, left, top, plotW, plotH, yMax, yLabel);
        double step = NiceStep((xMax - xMin) / 8);
        for (double t = Math.Ceiling(xMin / step) * step; t <= xMax + 1e-9; t += step)
        {
            double px = left + (plotW * (t - xMin) / (xMax - xMin));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(px)}\" y1=\"{N(top + plotH)}\" x2=\"{N(px)}\" y2=\"{N(top + plotH + 4)}\" stroke=\"{Muted}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(px)}\" y=\"{N(top + plotH + 16)}\" text-anchor=\"middle\" fill=\"{Muted}\">{N(t)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + (plotW / 2))}\" y=\"{height - 6}\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(xLabel)}</text>");
        if (marker is { } m)
        {
            double px = left + (plotW * (m - xMin) / (xMax - xMin));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(px)}\" y1=\"{top}\" x2=\"{N(px)}\" y2=\"{N(top + plotH)}\" stroke=\"{Muted}\" stroke-dasharray=\"2 3\"/>");
            if (markerLabel is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(px - 4)}\" y=\"{top + 12}\" text-anchor=\"end\" fill=\"{Muted}\">{Escape(markerLabel)}</text>");
            }
        }

        int legend = 0;
        foreach (Series s in series)
        {
            var points = new StringBuilder();
            for (int i = 0; i < x.Count && i < s.Y.Count; i++)
            {
                points.Append(N(left + (plotW * (x[i] - xMin) / (xMax - xMin)))).Append(',').Append(N(top + plotH - (plotH * s.Y[i] / yMax))).Append(' ');
            }

            string dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>");
            double ly = top + 14 + (legend * 20);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left + 12)}\" y1=\"{N(ly)}\" x2=\"{N(left + 40)}\" y2=\"{N(ly)}\" stroke=\"{s.Color}\" stroke-width=\"2\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left + 46)}\" y=\"{N(ly + 4)}\" fill=\"{Ink}\">{Escape(s.Name)}</text>");
            legend++;
        }

        return Close(svg);
    }

    private static StringBuilder Open(int width, int height, string title, string? description = null)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" {Font}>");
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        if (description is not null)
        {
            svg.Append("<desc>").Append(Escape(description)).Append("</desc>");
        }

        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void YAxis(StringBuilder svg, double left, double top, double plotW, double plotH, double yMax, string label, double minStep = 0)
    {
        double step = Math.Max(minStep, NiceStep(yMax / 5));
        for (double v = 0; v <= yMax + 1e-9; v += step)
        {
            double y = top + plotH - (plotH * v / yMax);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(left + plotW)}\" y2=\"{N(y)}\" stroke=\"{(v == 0 ? Muted : Grid)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" fill=\"{Muted}\">{N(v)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {N(top + (plotH / 2))}) rotate(-90)\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(label)}</text>");
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    private static double NiceStep(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }

        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /// <summary>The smallest multiple of a nice step (for 5 ticks) at least <paramref name="max"/>.</summary>
    private static double NiceCeiling(double max)
    {
        double step = NiceStep(max / 5);
        return Math.Max(step, Math.Ceiling(max / step) * step);
    }

    /// <summary>White (0) to the accent colour (1).</summary>
    private static string Shade(double v)
    {
        v = Math.Clamp(v, 0, 1);
        int r = (int)Math.Round(255 + ((0x2f - 255) * v)), g = (int)Math.Round(255 + ((0x6d - 255) * v)), b = (int)Math.Round(255 + ((0xb5 - 255) * v));
        return string.Format(CultureInfo.InvariantCulture, "#{0:x2}{1:x2}{2:x2}", r, g, b);
    }
}
