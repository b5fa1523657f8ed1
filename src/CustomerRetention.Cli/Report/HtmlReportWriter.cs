using System.Globalization;
using System.Text;
using CustomerRetention.Churn;
using CustomerRetention.Cli.Commands;
using CustomerRetention.Health;
using CustomerRetention.Probabilistic;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli.Report;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS, inline SVG, no script and
/// nothing fetched from the network. Numbers in the invariant culture; every string from the data escaped.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0;background:#f6f7f9}
        main{max-width:1040px;margin:0 auto;padding:24px 32px 48px;background:#fff}
        h1{font-size:26px;margin:8px 0 4px}h2{font-size:19px;margin:36px 0 8px;border-bottom:2px solid #2f6db5;padding-bottom:4px}
        p.lead{color:#555;margin:0 0 16px}p.note{color:#555;font-size:13px;max-width:900px}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{flex:1 1 120px;border:1px solid #e3e3e3;border-radius:6px;padding:10px 14px}
        .card .k{font-size:12px;color:#777;text-transform:uppercase;letter-spacing:.04em}.card .v{font-size:20px;font-weight:600;margin-top:2px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{padding:4px 10px;border-bottom:1px solid #e3e3e3}
        th{text-align:left;background:#f0f3f8}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n,td:first-child{white-space:nowrap}
        svg{display:block;max-width:100%;height:auto;margin:8px 0}
        footer{margin-top:40px;color:#777;font-size:12px}
        """;

    /// <summary>Below this many calibration customers the page warns that the fits are unreliable.</summary>
    private const int FewCustomers = 100;

    /// <summary>The band colours of the health panel: healthy, watch, at-risk, critical (as <see cref="HealthPanel.Bands"/>).</summary>
    private static readonly string[] BandColors = ["#3a8f4b", "#d9b02b", Svg.Second, "#c0392b"];

    /// <summary>Writes the page; <paramref name="health"/> adds the "Customer health" panel after the RFM segments.</summary>
    public static void Write(ReportModel model, TextWriter output, HealthPanel? health = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append("<title>Customer retention report – ").Append(Svg.Escape(model.Source)).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>Customer retention report</h1>\n");
        html.Append("<p class=\"lead\">").Append(Svg.Escape(model.Source)).Append(", ")
            .Append(Date(model.FirstDate)).Append(" to ").Append(Date(model.LastDate)).Append(".</p>\n");
        Headline(html, model);
        Segments(html, model);
        if (health is not null)
        {
            Health(html, health);
        }

        CohortMap(html, model);
        Predictions(html, model);
        Fit(html, model);
        html.Append("<footer>Written by <code>retention report</code>; how each figure is computed: docs/report.md.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void Headline(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"headline\">\n<h2>At a glance</h2>\n<div class=\"cards\">\n");
        Card(html, "Customers", Int(model.Customers));
        Card(html, "Transactions", Int(model.Transactions));
        Card(html, "Revenue", Money((double)model.Revenue));
        Card(html, "First date", Date(model.FirstDate));
        Card(html, "Last date", Date(model.LastDate));
        Card(html, "Calibration end", Date(model.CalibrationEnd));
        html.Append("</div>\n<p class=\"note\">");
        if (model.CalibrationEndIsDefault)
        {
            html.Append(model.HasHoldout
                ? "The calibration end was not given: the report uses the date that leaves the last third of the file's date range as holdout."
                : Inv($"The calibration end was not given and the file spans less than {ReportModel.MinDaysForHoldout} days: the whole file is the calibration period, so there is no holdout."));
        }
        else
        {
            html.Append("The calibration end was given with <code>--calibration-end</code>.");
        }

        html.Append(model.HasHoldout
            ? Inv($" Models are fitted on the transactions up to {Date(model.CalibrationEnd)}; {Date(model.CalibrationEnd.PlusDays(1))} to {Date(model.LastDate)} is the holdout.")
            : " There is no holdout period, so the report has no calibration/holdout comparison.");
        html.Append("</p>\n</section>\n");
    }

    private static void Segments(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"rfm\">\n<h2>RFM segments</h2>\n");
        html.Append("<p class=\"note\">").Append(Inv($"Scores 1–5 by quantiles of recency (days since the last purchase), frequency (transactions) and monetary value (total spend) at {Date(model.LastDate)}, the last date of the file; segments from the default segment map. {Int(model.SegmentedCustomers)} customers.")).Append("</p>\n");
        var labels = new List<string>();
        var values = new List<double>();
        var texts = new List<string>();
        foreach (ReportModel.SegmentRow row in model.Segments)
        {
            labels.Add(row.Segment.Name);
            values.Add(row.Customers);
            texts.Add(Inv($"{Int(row.Customers)} ({Percent(Share(row.Customers, model.SegmentedCustomers))})"));
        }

        html.Append(Svg.BarChart(labels, values, texts, "Customers per RFM segment")).Append('\n');
        html.Append("<table>\n<tr><th>Segment</th><th class=\"n\">Customers</th><th class=\"n\">Share</th><th class=\"n\">Revenue</th><th class=\"n\">Revenue share</th><th class=\"n\">Mean recency (days)</th><th class=\"n\">Mean transactions</th><th>What it means</th></tr>\n");
        foreach (ReportModel.SegmentRow row in model.Segments)
        {
            html.Append("<tr><td>").Append(Svg.Escape(row.Segment.Name)).Append("</td>")
                .Append(Num(Int(row.Customers)))
                .Append(Num(Percent(Share(row.Customers, model.SegmentedCustomers))))
                .Append(Num(Money((double)row.Revenue)))
                .Append(Num(Percent(model.Revenue == 0 ? 0 : (double)(row.Revenue / model.Revenue))))
                .Append(Num(row.Customers == 0 ? "–" : Fixed(row.Mean(row.RecencyDaysSum), 0)))
                .Append(Num(row.Customers == 0 ? "–" : Fixed(row.Mean(row.TransactionsSum), 2)))
                .Append("<td>").Append(Svg.Escape(row.Segment.Description)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Health(StringBuilder html, HealthPanel health)
    {
        html.Append("<section id=\"health\">\n<h2>Customer health</h2>\n");
        html.Append("<p class=\"note\">").Append(Inv($"Health 0–100 (higher is healthier) of the {Int(health.Customers)} customers with a purchase on or before {Date(health.AsOf)}, the last date of the file, from purchase cadence, spend trend and the files given ({Svg.Escape(string.Join(", ", health.Sources))}); the same scores, bands and reasons as <code>retention health</code> on the same files (docs/health.md). Bands: healthy ≥ {Fixed(HealthBands.Default.WatchBelow, 0)}, watch ≥ {Fixed(HealthBands.Default.AtRiskBelow, 0)}, at-risk ≥ {Fixed(HealthBands.Default.CriticalBelow, 0)}, critical below (no previous run, so no hysteresis).")).Append("</p>\n");
        var labels = new List<string>();
        var values = new List<double>();
        var texts = new List<string>();
        for (int i = 0; i < HealthPanel.Bands.Count; i++)
        {
            labels.Add(HealthBands.NameOf(HealthPanel.Bands[i]));
            values.Add(health.Counts[i]);
            texts.Add(Inv($"{Int(health.Counts[i])} ({Percent(Share(health.Counts[i], health.Customers))})"));
        }

        string description = "Customers per health band: " + string.Join("; ", labels.Select((label, i) => label + " " + texts[i])) + ".";
        html.Append(Svg.ColumnChart(labels, values, texts, BandColors, "health band", "customers", "Customers per health band", description)).Append('\n');
        html.Append("<table>\n<tr><th>Band</th><th class=\"n\">Customers</th><th class=\"n\">Share</th></tr>\n");
        for (int i = 0; i < labels.Count; i++)
        {
            html.Append("<tr><td>").Append(labels[i]).Append("</td>").Append(Num(Int(health.Counts[i])))
                .Append(Num(Percent(Share(health.Counts[i], health.Customers)))).Append("</tr>\n");
        }

        html.Append("</table>\n");
        html.Append("<p class=\"note\">").Append(Inv($"The {Int(health.Lowest.Count)} least healthy customers (lowest health first, ties by customer id) with their top {HealthPanel.Reasons} reasons, largest first.")).Append("</p>\n");
        html.Append("<table id=\"health-lowest\">\n<tr><th>Customer</th><th class=\"n\">Health</th><th>Band</th><th>Top reasons</th></tr>\n");
        foreach (CustomerHealthRow row in health.Lowest)
        {
            html.Append("<tr><td>").Append(Svg.Escape(row.Customer)).Append("</td>").Append(Num(Fixed(row.Score.Value, 1)))
                .Append("<td>").Append(HealthBands.NameOf(row.Band)).Append("</td><td>")
                .Append(Svg.Escape(string.Join("; ", row.Score.TopReasons(HealthPanel.Reasons)))).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void CohortMap(StringBuilder html, ReportModel model)
    {
        IReadOnlyList<Cohort> cohorts = model.Cohorts.Cohorts;
        int skip = Math.Max(0, cohorts.Count - ReportModel.MaxCohorts);
        var labels = new List<string>();
        var rows = new List<double?[]>();
        for (int i = skip; i < cohorts.Count; i++)
        {
            Cohort cohort = cohorts[i];
            labels.Add(Inv($"{cohort.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)} ({Int(cohort.Customers)})"));
            var row = new double?[cohort.PeriodCount];
            for (int k = 0; k < row.Length; k++)
            {
                row[k] = cohort.Retention(k);
            }

            rows.Add(row);
        }

        html.Append("<section id=\"cohorts\">\n<h2>Cohort retention</h2>\n");
        html.Append("<p class=\"note\">Customers grouped by the month of their first purchase (customers in brackets); each cell is the percentage of the cohort that bought in the k-th month after the month of acquisition (month 0 is 100 %).");
        if (skip > 0)
        {
            html.Append(Inv($" Only the {ReportModel.MaxCohorts} most recent of {cohorts.Count} cohorts are shown."));
        }

        html.Append("</p>\n").Append(Svg.HeatMap(labels, rows, "months since acquisition", "Monthly cohort retention (%)")).Append("\n</section>\n");
    }

    private static void Predictions(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"predictions\">\n<h2>Who is still active, and what they are worth</h2>\n");
        if (model.Model is not { } m)
        {
            html.Append("<p class=\"note\">No model could be fitted: ").Append(Svg.Escape(model.ModelProblem ?? "unknown problem")).Append(".</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"note\">").Append(Inv($"P(alive), the probability that a customer has not yet defected, from the {ModelName(m.Model)} model (chosen as the model fit section below explains) fitted on the calibration period and each customer's whole history to {Date(model.LastDate)}. Expected purchases are repeat purchases in the next {ReportModel.HorizonWeeks:0} weeks; CLV is expected purchases times the Gamma-Gamma expected average order value over the same {ReportModel.HorizonWeeks:0} weeks, undiscounted.{(m.Model.Kind == TransactionModelKind.BetaGeo ? " Under BG/NBD a customer with no repeat purchase cannot have defected (defection may only follow a repeat purchase), so one-time buyers have P(alive) = 1: they form the bar at the right whatever their recency, and their low expected purchases show their low purchase rate instead." : string.Empty)}")).Append("</p>\n");
        html.Append(Svg.Histogram(m.AliveHistogram, 0, 1, "P(alive)", "Distribution of P(alive)")).Append('\n');
        html.Append("<table>\n<tr><th>Segment</th><th class=\"n\">Customers</th><th class=\"n\">Mean P(alive)</th>")
            .Append(Inv($"<th class=\"n\">Expected purchases ({ReportModel.HorizonWeeks:0} weeks)</th><th class=\"n\">per customer</th><th class=\"n\">CLV ({ReportModel.HorizonWeeks:0} weeks)</th><th class=\"n\">per customer</th></tr>\n"));
        double alive = 0, expected = 0, clv = 0;
        int customers = 0;
        foreach (ReportModel.SegmentRow row in model.Segments)
        {
            html.Append("<tr><td>").Append(Svg.Escape(row.Segment.Name)).Append("</td>")
                .Append(Num(Int(row.Customers)))
                .Append(Num(row.Customers == 0 ? "–" : Fixed(row.Mean(row.AliveSum), 3)))
                .Append(Num(Fixed(row.ExpectedSum, 1)))
                .Append(Num(row.Customers == 0 ? "–" : Fixed(row.Mean(row.ExpectedSum), 3)))
                .Append(Num(m.Spend is null ? "–" : Money(row.ClvSum)))
                .Append(Num(m.Spend is null || row.Customers == 0 ? "–" : Money(row.Mean(row.ClvSum))))
                .Append("</tr>\n");
            alive += row.AliveSum;
            expected += row.ExpectedSum;
            clv += row.ClvSum;
            customers += row.Customers;
        }

        double Mean(double sum) => customers == 0 ? 0 : sum / customers;
        html.Append("<tr><th>All</th>").Append(Num(Int(customers))).Append(Num(Fixed(Mean(alive), 3))).Append(Num(Fixed(expected, 1)))
            .Append(Num(Fixed(Mean(expected), 3))).Append(Num(m.Spend is null ? "–" : Money(clv))).Append(Num(m.Spend is null ? "–" : Money(Mean(clv))))
            .Append("</tr>\n</table>\n");
        if (m.Spend is null)
        {
            html.Append("<p class=\"note\">No CLV: the Gamma-Gamma spend model could not be fitted (").Append(Svg.Escape(m.SpendProblem ?? "unknown problem")).Append(").</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Fit(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"model\">\n<h2>Model fit and holdout tracking</h2>\n");
        if (model.Model is not { } m)
        {
            html.Append("<p class=\"note\">No model could be fitted: ").Append(Svg.Escape(model.ModelProblem ?? "unknown problem")).Append(".</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"note\">").Append(Inv($"Maximum-likelihood fits on the {Int(m.CalibrationCustomers)} customers with a purchase by {Date(model.CalibrationEnd)} ({Fixed(m.CalibrationWeeks, 1)} weeks; time unit week; repeat purchases are distinct purchase days after the first). BG/NBD: Fader, Hardie &amp; Lee (2005), \"Counting your customers\" the easy way; Gamma-Gamma: Fader, Hardie &amp; Lee (2005), RFM and CLV, on the repeat buyers' mean repeat spend.")).Append("</p>\n");
        if (m.CalibrationCustomers < FewCustomers)
        {
            html.Append("<p class=\"note\"><strong>").Append(Inv($"Only {Int(m.CalibrationCustomers)} customers in the calibration period: with fewer than {FewCustomers} the estimates are unreliable.")).Append("</strong></p>\n");
        }

        html.Append("<table>\n<tr><th>Model</th><th>Parameters</th><th class=\"n\">Log-likelihood</th><th class=\"n\">Customers</th><th>Converged</th></tr>\n");
        foreach (TransactionModel fitted in m.Fitted)
        {
            FitResult r = fitted.Report;
            FitRow(html, ModelName(fitted) + (fitted == m.Model ? " (chosen)" : string.Empty), r.ParameterNames, r.ParameterValues, r.LogLikelihood, r.Customers, r.Converged);
        }

        if (m.Spend is { } spend)
        {
            FitRow(html, "Gamma-Gamma", spend.ParameterNames, spend.ParameterValues, spend.LogLikelihood, spend.Customers, spend.Converged);
        }
        else
        {
            html.Append("<tr><td>Gamma-Gamma</td><td colspan=\"4\">not fitted: ").Append(Svg.Escape(m.SpendProblem ?? "unknown problem")).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (TransactionModel fitted in m.Fitted)
        {
            foreach (string warning in fitted.Report.Warnings)
            {
                html.Append("<p class=\"note\"><strong>").Append(ModelName(fitted)).Append(": warning:</strong> ").Append(Svg.Escape(warning)).Append("</p>\n");
            }
        }

        Comparison(html, m);
        if (!model.HasHoldout)
        {
            html.Append("<p class=\"note\">No holdout period (the calibration end is the last date of the file), so there is no tracking plot.</p>\n</section>\n");
            return;
        }

        double gap = m.HoldoutExpected == 0 ? 0 : (m.HoldoutActual - m.HoldoutExpected) / m.HoldoutExpected;
        html.Append("<p class=\"note\">").Append(Inv($"Cumulative repeat purchases of the calibration customers, week by week: actual against the {ModelName(m.Model)} expectation. {Int((long)Math.Round(m.CalibrationRepeats))} repeat purchases in the calibration period. In the {Fixed(m.HoldoutWeeks, 1)}-week holdout the model expected {Fixed(m.HoldoutExpected, 1)} repeat purchases; there were {Int((long)Math.Round(m.HoldoutActual))}{(m.HoldoutExpected > 0 ? $" ({(gap >= 0 ? "+" : "−")}{Percent(Math.Abs(gap))})" : string.Empty)}.")).Append("</p>\n");
        var series = new List<Svg.Series>
        {
            new("actual", m.TrackingActual, Svg.Accent, false),
            new($"expected ({ModelName(m.Model)})", m.TrackingExpected, Svg.Second, true),
        };
        html.Append(Svg.LineChart(m.TrackingWeeks, series, Inv($"weeks since {Date(model.FirstDate)}"), "cumulative repeat purchases", m.CalibrationWeeks, "calibration end", "Cumulative repeat purchases: actual and expected")).Append('\n');
        html.Append("</section>\n");
    }

    /// <summary>The display name of a transaction model: BG/NBD, MBG/NBD, Pareto/NBD.</summary>
    private static string ModelName(TransactionModel model) => model.Kind switch
    {
        TransactionModelKind.BetaGeo => "BG/NBD",
        TransactionModelKind.ModifiedBetaGeo => "MBG/NBD",
        _ => "Pareto/NBD",
    };

    /// <summary>The holdout comparison of the transaction models and the rule that chose one.</summary>
    private static void Comparison(StringBuilder html, ReportModel.ModelFigures m)
    {
        if (m.Comparison is not { } comparison)
        {
            html.Append("<p class=\"note\">").Append(Inv($"No holdout, so the models cannot be compared on it: {ModelName(m.Model)} has the lowest BIC of the fits the data identify.")).Append("</p>\n");
            return;
        }

        html.Append("<p class=\"note\">").Append(Inv($"The three models compared on the {Fixed(comparison.HoldoutLength, 1)}-week holdout: per-customer error of the expected repeat purchases (MAE, RMSE), totals, and the in-sample criteria. The chosen model has the lowest MAE among the trusted fits; models within {Percent(ModelComparison.TieMargin)} of it are tied and the lowest BIC among them wins.")).Append("</p>\n");
        html.Append("<table>\n<tr><th>Model</th><th class=\"n\">MAE</th><th class=\"n\">RMSE</th><th class=\"n\">Expected</th><th class=\"n\">Actual</th><th class=\"n\">Log-likelihood</th><th class=\"n\">AIC</th><th class=\"n\">BIC</th></tr>\n");
        foreach (ModelComparisonEntry e in comparison.Models)
        {
            html.Append("<tr><td>").Append(ModelName(e.Model)).Append(e == comparison.Chosen ? " (chosen)" : string.Empty).Append("</td>")
                .Append(Num(Fixed(e.MeanAbsoluteError, 4))).Append(Num(Fixed(e.RootMeanSquaredError, 4)))
                .Append(Num(Fixed(e.Expected, 1))).Append(Num(Fixed(e.Actual, 0)))
                .Append(Num(Fixed(e.Model.Report.LogLikelihood, 2))).Append(Num(Fixed(e.Model.Report.Aic, 2))).Append(Num(Fixed(e.Model.Report.Bic, 2)))
                .Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void FitRow(StringBuilder html, string name, IReadOnlyList<string> names, IReadOnlyList<double> values, double logLikelihood, double customers, bool converged)
    {
        html.Append("<tr><td>").Append(name).Append("</td><td>");
        for (int i = 0; i < names.Count; i++)
        {
            html.Append(i == 0 ? string.Empty : ", ").Append(Svg.Escape(Symbol(names[i]))).Append(" = ").Append(Fixed(values[i], 4));
        }

        html.Append("</td>").Append(Num(Fixed(logLikelihood, 2))).Append(Num(Fixed(customers, 0))).Append("<td>").Append(converged ? "yes" : "no").Append("</td></tr>\n");
    }

    private static string Symbol(string name) => name switch
    {
        "alpha" => "α",
        "gamma" => "γ",
        _ => name,
    };

    private static void Card(StringBuilder html, string key, string value) =>
        html.Append("<div class=\"card\"><div class=\"k\">").Append(key).Append("</div><div class=\"v\">").Append(value).Append("</div></div>\n");

    private static string Num(string text) => "<td class=\"n\">" + text + "</td>";

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // Rounding first and adding +0.0 turns a negative zero (or a tiny negative that rounds to zero) into "0", not "-0".
    private static string Fixed(double value, int decimals) =>
        (Math.Round(value, decimals) + 0.0).ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');

    private static string Money(double value) => Fixed(value, 2);

    private static string Percent(double share) => Fixed(100 * share, 1) + " %";
}
