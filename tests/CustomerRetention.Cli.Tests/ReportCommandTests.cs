using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CustomerRetention.Cli.Report;
using CustomerRetention.TestKit;
using NodaTime;

namespace CustomerRetention.Cli.Tests;

public sealed class ReportCommandTests
{
    private static readonly string[] SectionIds = ["headline", "rfm", "cohorts", "predictions", "model"];

    private static string TempPath(string name = "report.html")
    {
        string dir = Path.Combine(Path.GetTempPath(), "retention-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static string RunReport(params string[] extra)
    {
        string path = TempPath();
        CliResult result = CliRunner.Run(["report", .. extra, "--out", path]);
        Assert.True(result.ExitCode == 0, result.Error);
        return File.ReadAllText(path);
    }

    /// <summary>Parses the page as XML (the writer emits XHTML-compatible markup), so that any unclosed tag fails.</summary>
    private static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    private static double Number(string html, string pattern)
    {
        Match match = Regex.Match(html, pattern);
        Assert.True(match.Success, $"pattern {pattern} not found");
        return double.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Readme_Command_Writes_A_Well_Formed_Self_Contained_Page_With_Every_Section()
    {
        string html = RunReport("--sample", "cdnow");

        XDocument doc = Parse(html);
        Assert.Equal("html", doc.Root!.Name.LocalName);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(doc.Descendants(), e => e.Attribute("src") is not null || e.Attribute("href") is not null);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "link" or "img" or "iframe" or "object" or "embed");
        var sections = doc.Descendants("section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(SectionIds, sections);
        Assert.True(doc.Descendants("svg").Count() >= 4, "bar chart, heat map, histogram and tracking plot");
        Assert.Equal(2, doc.Descendants("polyline").Count());
    }

    [Fact]
    public void Cdnow_At_The_Published_Calibration_End_Reproduces_The_Published_Fit_And_Holdout()
    {
        string html = RunReport("--sample", "cdnow", "--calibration-end", "1997-09-30");

        // Fader, Hardie & Lee (2005), "Counting your customers" the easy way: r 0.2426, α 4.4136, a 0.7929,
        // b 2.4259, LL −9582.43 (docs/reference-values.md); shown with 4 decimals.
        Tolerance.Close(0.2426, Number(html, @"BG/NBD</td><td>r = ([0-9.]+)"), absolute: 1e-4);
        Tolerance.Close(4.4136, Number(html, @"BG/NBD</td><td>r = [0-9.]+, α = ([0-9.]+)"), absolute: 1e-4);
        Tolerance.Close(0.7929, Number(html, @"BG/NBD</td><td>[^<]*a = ([0-9.]+)"), absolute: 1e-4);
        Tolerance.Close(2.4259, Number(html, @"BG/NBD</td><td>[^<]*b = ([0-9.]+)"), absolute: 1e-4);
        Tolerance.Close(-9582.43, Number(html, @"BG/NBD</td><td>[^<]*</td><td class=""n"">(-[0-9,.]+)"), absolute: 0.01);

        // docs/reference-values.md: 2,457 repeat purchase days in calibration; in the 39-week holdout BG/NBD expects
        // 1653.4 and there were 1,882 actual repeat purchases (FHL 2005): the BG/NBD row of the comparison table.
        Tolerance.Close(2457, Number(html, @"([0-9,]+) repeat purchases in the calibration period"));
        Tolerance.Close(1653.4, Number(html, @"<tr><td>BG/NBD</td><td class=""n"">[^<]*</td><td class=""n"">[^<]*</td><td class=""n"">([0-9,.]+)"), absolute: 0.05);

        // The report uses the model the holdout comparison chose (Pareto/NBD on CDNOW: the lowest MAE), and its
        // tracking sentence quotes that model's expectation, the chosen row of the table.
        Assert.Contains("Pareto/NBD (chosen)</td>", html, StringComparison.Ordinal);
        Tolerance.Close(
            Number(html, @"<tr><td>Pareto/NBD \(chosen\)</td><td class=""n"">[^<]*</td><td class=""n"">[^<]*</td><td class=""n"">([0-9,.]+)"),
            Number(html, @"the model expected ([0-9,.]+) repeat purchases"), absolute: 0.05);
        Tolerance.Close(1882, Number(html, @"there were ([0-9,]+)"));
        Tolerance.Close(39, Number(html, @"In the ([0-9.]+)-week holdout"), absolute: 0.05);

        // Gamma-Gamma on the 946 repeat buyers: p 6.25, q 3.74, γ 15.44 (docs/models/cdnow-walkthrough.md, FHL 2005 RFM and CLV).
        Tolerance.Close(6.25, Number(html, @"Gamma-Gamma</td><td>p = ([0-9.]+)"), absolute: 0.005);
        Tolerance.Close(3.74, Number(html, @"Gamma-Gamma</td><td>[^<]*q = ([0-9.]+)"), absolute: 0.005);
        Tolerance.Close(15.44, Number(html, @"Gamma-Gamma</td><td>[^<]*γ = ([0-9.]+)"), absolute: 0.005);
        Tolerance.Close(946, Number(html, @"Gamma-Gamma</td><td>[^<]*</td><td class=""n"">[^<]*</td><td class=""n"">([0-9,]+)"));
    }

    [Fact]
    public void Headline_Figures_Match_The_Sample()
    {
        string html = RunReport("--sample", "cdnow", "--calibration-end", "1997-09-30");

        // docs/reference-values.md: 2,357 customers, 6,919 transactions, 1997-01-01 .. 1998-06-30.
        Assert.Contains("<div class=\"k\">Customers</div><div class=\"v\">2,357</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">Transactions</div><div class=\"v\">6,919</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">First date</div><div class=\"v\">1997-01-01</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">Last date</div><div class=\"v\">1998-06-30</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"k\">Calibration end</div><div class=\"v\">1997-09-30</div>", html, StringComparison.Ordinal);

        // Revenue: the sum of the sample's amount column, computed here from the file.
        decimal revenue = TestData.Rows("cdnow_sample_transactions.csv").Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture));
        Assert.Contains($"<div class=\"k\">Revenue</div><div class=\"v\">{revenue.ToString("#,0.00", CultureInfo.InvariantCulture)}</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_Table_Counts_Add_Up_And_Names_Are_Escaped()
    {
        string html = RunReport("--sample", "cdnow");
        XDocument doc = Parse(html);

        XElement table = doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "rfm").Descendants("table").Single();
        List<XElement> rows = table.Elements("tr").Skip(1).ToList();
        Assert.Equal(Rfm.SegmentMap.Default.Segments.Count, rows.Count);
        int total = rows.Sum(r => int.Parse(r.Elements("td").ElementAt(1).Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));
        Assert.Equal(2357, total);
        Assert.Contains("Can&#39;t Lose Them", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Can't Lose Them", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_From_The_Data_Are_Html_Escaped()
    {
        string dir = Path.GetDirectoryName(TempPath())!;
        string input = Path.Combine(dir, "a<b>&'c\".csv");
        File.WriteAllText(input, "customer_id,date,amount\n<x>,2020-01-01,10\n<x>,2020-01-05,12\n&y,2020-01-02,3\n");
        string output = Path.Combine(dir, "out.html");

        CliResult result = CliRunner.Run("report", "--transactions", input, "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        string html = File.ReadAllText(output);
        _ = Parse(html);
        Assert.DoesNotContain("a<b>", html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b&gt;&amp;&#39;c&quot;.csv", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_Is_Identical_Under_German_Culture()
    {
        string invariant = TempPath(), german = TempPath();

        CliResult a = CliRunner.Run("report", "--sample", "cdnow", "--out", invariant);
        CliResult b = CliRunner.RunInCulture("de-DE", "report", "--sample", "cdnow", "--out", german);

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);
        Assert.Equal(File.ReadAllBytes(invariant), File.ReadAllBytes(german));
    }

    [Fact]
    public void Default_Calibration_End_Leaves_The_Last_Third_As_Holdout()
    {
        // 1997-01-01 .. 1998-06-30 spans 545 days; ⌊2 · 545 / 3⌋ = 363 days after 1997-01-01 is 1997-12-30.
        Assert.Equal(new LocalDate(1997, 12, 30), ReportModel.DefaultCalibrationEnd(new LocalDate(1997, 1, 1), new LocalDate(1998, 6, 30)));
        string html = RunReport("--sample", "cdnow");
        Assert.Contains("<div class=\"k\">Calibration end</div><div class=\"v\">1997-12-30</div>", html, StringComparison.Ordinal);
        Assert.Contains("last third", html, StringComparison.Ordinal);
        Assert.NotEmpty(Parse(html).Descendants("polyline"));
    }

    [Fact]
    public void A_Short_File_Has_No_Holdout_And_Says_So()
    {
        Assert.Equal(new LocalDate(2020, 2, 1), ReportModel.DefaultCalibrationEnd(new LocalDate(2020, 1, 1), new LocalDate(2020, 2, 1)));
        string input = TempPath("short.csv");
        File.WriteAllText(input, "customer_id,date,amount\na,2020-01-01,10\na,2020-01-20,12\nb,2020-01-02,3\nc,2020-01-03,5\nc,2020-01-10,7\nc,2020-02-01,9\nd,2020-01-15,4\n");
        string output = TempPath();

        CliResult result = CliRunner.Run("report", "--transactions", input, "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        string html = File.ReadAllText(output);
        XDocument doc = Parse(html);
        Assert.Contains("no tracking plot", html, StringComparison.Ordinal);
        Assert.Empty(doc.Descendants("polyline"));
        Assert.Equal(SectionIds, doc.Descendants("section").Select(s => (string?)s.Attribute("id")));
    }

    [Fact]
    public void Column_Options_Are_Passed_To_The_Reader()
    {
        string input = TempPath("cols.csv");
        File.WriteAllText(input, "id,when,value\na,20200101,10\na,20200301,12\nb,20200102,3\nb,20200601,8\nc,20200401,5\n");
        string output = TempPath();

        CliResult result = CliRunner.Run("report", "--transactions", input, "--customer-column", "id", "--date-column", "when", "--amount-column", "value", "--date-format", "yyyyMMdd", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("<div class=\"k\">Customers</div><div class=\"v\">3</div>", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Input_Is_A_Usage_Error_With_One_Line()
    {
        string output = TempPath();
        string malformed = TempPath("bad.csv");
        File.WriteAllText(malformed, "customer_id,date,amount\na,2020-01-01,10\nb,not-a-date,3\n");

        CliResult[] results =
        [
            CliRunner.Run("report", "--sample", "cdnow"),
            CliRunner.Run("report", "--out", output),
            CliRunner.Run("report", "--sample", "cdnow", "--transactions", malformed, "--out", output),
            CliRunner.Run("report", "--transactions", malformed, "--out", output),
            CliRunner.Run("report", "--sample", "nope", "--out", output),
            CliRunner.Run("report", "--sample", "cdnow", "--calibration-end", "30.09.1997", "--out", output),
            CliRunner.Run("report", "--sample", "cdnow", "--calibration-end", "1990-01-01", "--out", output),
        ];

        foreach (CliResult result in results)
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.ErrorLines);
        }

        Assert.Contains("bad.csv", results[3].Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}

public sealed class ReportEdgeCaseTests
{
    [Fact]
    public void Without_Repeat_Buyers_The_Report_Has_No_Clv_And_Says_Why()
    {
        string dir = Path.Combine(Path.GetTempPath(), "retention-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, "once.csv"), output = Path.Combine(dir, "once.html");
        File.WriteAllText(input, "customer_id,date,amount\na,2020-01-01,10\nb,2020-03-01,5\nc,2020-06-01,7\n");

        CliResult result = CliRunner.Run("report", "--transactions", input, "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        string html = File.ReadAllText(output);
        Assert.Contains("No CLV: the Gamma-Gamma spend model could not be fitted", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Empty_File_Is_A_Usage_Error()
    {
        string dir = Path.Combine(Path.GetTempPath(), "retention-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, "empty.csv"), output = Path.Combine(dir, "empty.html");
        File.WriteAllText(input, "customer_id,date,amount\n");

        CliResult result = CliRunner.Run("report", "--transactions", input, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.False(File.Exists(output));
    }
}
